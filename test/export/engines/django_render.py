"""Django's template engine, as Buttondown and Brevo write their templates: renders each exported part for
each subscriber. The HTML with Django's default autoescaping; the plain text with autoescaping off, as a
text template would be rendered.

Reads {"html", "text", "contexts": [...]} as JSON on stdin; writes [{"html", "text"}] on stdout.
"""
import json
import sys

import django
from django.conf import settings

settings.configure(TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}])
django.setup()

from django.template import Context, Template  # noqa: E402 (needs the settings above)

data = json.load(sys.stdin)
html = Template(data["html"])
text = Template(data["text"])
out = [
    {
        "html": html.render(Context(context)),
        "text": text.render(Context(context, autoescape=False)),
    }
    for context in data["contexts"]
]
json.dump(out, sys.stdout)
