import { catalogue } from '../../challenges/index.js';
import { println, type Io } from './io.js';
import { chalkFor } from './style.js';
import { loadChallenge } from './target.js';

/** `byo list [challenge]`: the catalogue, or one challenge's stages. */
export async function listCommand(slug: string | undefined, options: { color: boolean }, io: Io): Promise<number> {
  const c = chalkFor(options.color);
  if (slug) {
    const challenge = await loadChallenge(slug);
    println(io.stdout, `${c.bold(challenge.title)} (${challenge.slug}, ${challenge.stages.length} stages)\n`);
    for (const stage of challenge.stages) println(io.stdout, `${String(stage.index).padStart(3)}  ${stage.slug.padEnd(24)} ${stage.title}`);
    return 0;
  }
  for (const entry of catalogue) {
    const stages = entry.load ? `${(await entry.load()).stages.length} stages` : 'coming soon';
    println(io.stdout, `${c.bold(entry.slug.padEnd(14))} ${entry.title} ${c.dim(`(${stages})`)}`);
    println(io.stdout, `${' '.repeat(15)}${entry.summary}`);
    if (entry.languages.length) println(io.stdout, `${' '.repeat(15)}${c.dim(`starters: ${entry.languages.join(', ')}`)}`);
  }
  println(io.stdout, `\nStart one: ${c.bold('npx byo-kit init http-server --lang go my-http')}`);
  return 0;
}
