// `preview --recipients FILE`: the file `send --recipients` reads, read by send's own loader (so a row send
// would refuse is refused here too, at its file:line), for the edition page's subscriber picker.
import { diag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { projectPaths, type ProjectOptions } from '../project.js';
import { recipientsFromFile, uniqueRecipients, type Recipient } from '../send/recipients.js';

export async function readPreviewRecipients(
  options: ProjectOptions,
  file: string,
): Promise<{ recipients?: Recipient[]; diagnostics: Diagnostic[] }> {
  const { recipients, diagnostics } = uniqueRecipients([
    await recipientsFromFile(projectPaths(options).root, file),
  ]);
  if (hasErrors(diagnostics)) return { diagnostics };
  if (recipients.length === 0)
    return {
      diagnostics: [
        ...diagnostics,
        diag('RECIPIENTS_FILE', 'error', 'the recipients file lists nobody', { file }),
      ],
    };
  return { recipients, diagnostics };
}
