export { defaultRng, mulberry32, type Rng } from './rng.ts';
export { randomAdeli, randomFiness, randomNir, randomRpps, type NirParts } from './ids.ts';
export { randomPerson, type SyntheticPerson } from './person.ts';
export { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from './names.ts';
export { syntheticJpeg } from './jpeg.ts';
