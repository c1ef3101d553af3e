/**
 * Every built-in CSV profile. Bank layouts are matched by their distinctive headers (or, for
 * headerless exports, by the shape of their rows); generic layouts match common header names
 * with a lower score.
 */
import type { Profile } from '../profile.js';
import { americasProfiles } from './americas.js';
import { asiaProfiles } from './asia.js';
import { europeProfiles } from './europe.js';
import { genericProfiles } from './generic.js';

export const builtinProfiles: Profile[] = [...europeProfiles, ...americasProfiles, ...asiaProfiles, ...genericProfiles];

/** A built-in profile by name (case-insensitive). */
export function findProfile(name: string): Profile | undefined {
  const wanted = name.trim().toLowerCase();
  return builtinProfiles.find((p) => p.name.toLowerCase() === wanted);
}
