// The project the pickers' tests serve: one short edition whose intro greets the subscriber by first
// name, one whose words Mailchimp would read as a merge tag, and a recipients file as `send --recipients` reads it, one of whose names holds markup.
export const PICKER_PROJECT = {
  'content/hello/edition.md':
    '---\nsubject: Hello, pickers\npreheader: A short preheader\n---\nHello again.\n',
  'content/hello/01-words.txt': 'Words\n\nA dek\n\nNothing special here.\n',
  'content/literal.txt': 'Literal\n\nA dek\n\nMailchimp reads *|FNAME|* as a merge tag.\n',
  'subscribers.csv': [
    'email,first_name,last_name,unsubscribe_url',
    'ann@example.org,Ann,Smith,https://example.org/u?id=1&list=2',
    'mal@example.org,"<b id=""injected"">Mal</b>",,https://example.org/u?id=2&list=2',
    '',
  ].join('\n'),
};
