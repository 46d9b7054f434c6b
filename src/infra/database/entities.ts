import { District } from '../../core/reference/district.entity';

/** Every entity the ORM maps; explicit so discovery is instant and complete. */
export const ENTITIES = [District] as const;
