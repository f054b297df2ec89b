// listmonk's way of rendering a campaign, cut down to what an export needs, to run an exported edition
// through Go's html/template exactly as listmonk would. Taken from github.com/knadh/listmonk (commit 911e0b7):
// models/campaigns.go (CompileTemplate: the body and its plain-text "alt body" are both html/template
// templates; the body is parsed as the "content" template under a base template), models/common.go
// (regTplFuncs: {{ UnsubscribeURL }} becomes {{ UnsubscribeURL . }} before parsing), models/subscribers.go
// (FirstName) and internal/manager/manager.go (TemplateFuncs and the Safe function).
//
// Reads {"html", "text", "subscribers": [{"name", "email", "unsubscribe"}], "manage", "message"} on stdin;
// writes [{"html", "text"}], one per subscriber, on stdout.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"regexp"
	"strings"
)

type Subscriber struct {
	Name  string
	Email string
}

// FirstName as listmonk's models/subscribers.go has it: the first word longer than two bytes, or the name.
func (s Subscriber) FirstName() string {
	for _, s := range strings.Split(s.Name, " ") {
		if len(s) > 2 {
			return s
		}
	}
	return s.Name
}

type CampaignMessage struct {
	Subscriber Subscriber
	unsubURL   string
}

type input struct {
	HTML        string `json:"html"`
	Text        string `json:"text"`
	Manage      string `json:"manage"`
	Message     string `json:"message"`
	Subscribers []struct {
		Name        string `json:"name"`
		Email       string `json:"email"`
		Unsubscribe string `json:"unsubscribe"`
	} `json:"subscribers"`
}

var regTplFuncs = []struct {
	regExp  *regexp.Regexp
	replace string
}{
	{regexp.MustCompile(`{{(\s+)?(TrackView|UnsubscribeURL|ManageURL|OptinURL|MessageURL)(\s+)?}}`), `{{ $2 . }}`},
}

func rewrite(body string) string {
	for _, r := range regTplFuncs {
		body = r.regExp.ReplaceAllString(body, r.replace)
	}
	return body
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fail(err)
	}
	funcs := template.FuncMap{
		"UnsubscribeURL": func(msg *CampaignMessage) string { return msg.unsubURL },
		"ManageURL":      func(msg *CampaignMessage) string { return in.Manage },
		"MessageURL":     func(msg *CampaignMessage) string { return in.Message },
		"Safe":           func(safeHTML string) template.HTML { return template.HTML(safeHTML) },
	}
	// CompileTemplate: a base template (an empty campaign template is {{ template "content" . }}) and the
	// body parsed as "content" under it.
	base, err := template.New("base").Funcs(funcs).Parse(`{{ template "content" . }}`)
	if err != nil {
		fail(err)
	}
	body, err := template.New("content").Funcs(funcs).Parse(rewrite(in.HTML))
	if err != nil {
		fail(err)
	}
	tpl, err := base.AddParseTree("content", body.Tree)
	if err != nil {
		fail(err)
	}
	alt, err := template.New("content").Funcs(funcs).Parse(rewrite(in.Text))
	if err != nil {
		fail(err)
	}
	out := []map[string]string{}
	for _, s := range in.Subscribers {
		msg := &CampaignMessage{Subscriber: Subscriber{Name: s.Name, Email: s.Email}, unsubURL: s.Unsubscribe}
		var html, text bytes.Buffer
		if err := tpl.ExecuteTemplate(&html, "base", msg); err != nil {
			fail(err)
		}
		if err := alt.ExecuteTemplate(&text, "content", msg); err != nil {
			fail(err)
		}
		out = append(out, map[string]string{"html": html.String(), "text": text.String()})
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
