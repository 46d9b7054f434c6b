// The reference domain's public face: what other domains and the composition root may use.
export { District } from './district.entity';
export { DistrictDirectory, DISTRICT_CACHE_MS } from './district-directory';
export { ReferenceModule } from './reference.module';
export { seedReferenceData } from './reference-data.seeder';
