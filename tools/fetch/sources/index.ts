/** Every live source `refresh` reads, in the order it reads them. PRC's chronology ended in 2017: it has no live source. */
import type { Source, SourceId } from '../source';
import { californiaAgSource } from './california-ag';
import { hibpSource } from './hibp';
import { oregonDojSource } from './oregon-doj';
import { ransomwareLiveSource } from './ransomware-live';
import { secEdgarSource } from './sec-edgar';
import { washingtonAgSource } from './washington-ag';
import { wikipediaSource } from './wikipedia';

export const SOURCES: readonly Source[] = [hibpSource, ransomwareLiveSource, secEdgarSource, californiaAgSource, washingtonAgSource, oregonDojSource, wikipediaSource];
export const SOURCE_IDS = SOURCES.map((s) => s.id) as SourceId[];
