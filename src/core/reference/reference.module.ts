import { Module } from '@nestjs/common';
import { DistrictResolver } from './district.resolver';

@Module({ providers: [DistrictResolver] })
export class ReferenceModule {}
