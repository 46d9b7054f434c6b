import { Global, Module } from '@nestjs/common';
import { DistrictDirectory } from './district-directory';
import { DistrictResolver } from './district.resolver';

/** Reference data (districts): read by the API, asked by other domains through DistrictDirectory. */
@Global()
@Module({ providers: [DistrictResolver, DistrictDirectory], exports: [DistrictDirectory] })
export class ReferenceModule {}
