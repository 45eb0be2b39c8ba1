/**
 * The `talentflow` command: parse the command name, import that command's file lazily (so
 * `--help` is instant), run it, and map errors to exit codes (0 ok, 1 error, 2 usage).
 */
import { isUserError } from '../model/errors.js';
import { commands, type CommandName } from './commands.js';

const USAGE = `talentflow — open talent-flow analytics

usage: talentflow <command> [options]

commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`)
  .join('\n')}

Run 'talentflow <command> --help' for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write('talentflow 0.1.0\n');
    return 0;
  }
  const entry = commands[name as CommandName];
  if (!entry) {
    process.stderr.write(`unknown command: ${name}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const mod = await entry.load();
    return await mod.run(rest);
  } catch (e) {
    if (isUserError(e)) {
      const where = e.place
        ? ` (${[e.place.file, e.place.line, e.place.field].filter((x) => x !== undefined).join(':')})`
        : '';
      process.stderr.write(`talentflow ${name}: ${e.message}${where}\n`);
      if (e.hint) process.stderr.write(`hint: ${e.hint}\n`);
      return e.code === 'usage' ? 2 : 1;
    }
    throw e;
  }
}
