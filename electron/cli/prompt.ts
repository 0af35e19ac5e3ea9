/** Asking the person at the terminal for a secret, without showing what they type. */
import { usage } from './args.js';

/**
 * The secret from `envName` if set, else typed at the terminal (not echoed). With no terminal (a
 * script, CI) and no variable, BAD_INPUT saying which variable to set.
 */
export async function secretFrom(envName: string, question: string): Promise<string> {
  const given = process.env[envName];
  if (given !== undefined) return given;
  if (!process.stdin.isTTY) throw usage(`${question.replace(/:\s*$/, '')}: set ${envName} (there is no terminal to ask on)`);
  return promptHidden(question);
}

function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (finish: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      finish();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done(() => resolve(typed));
        if (char === '\u0003') return done(() => reject(usage('cancelled')));
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}
