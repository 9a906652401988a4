/**
 * Property tests run with a fixed seed so CI is deterministic; set FC_SEED=random (or a number)
 * to explore new cases locally. A failure prints its seed and path to replay it.
 */
import fc from 'fast-check';

const requested = process.env.FC_SEED;
fc.configureGlobal({
  seed: requested === 'random' ? Date.now() ^ (Math.random() * 0x100000000) : Number(requested ?? 20261128),
});
