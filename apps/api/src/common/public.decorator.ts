import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'clusterlink:public';
/** A route that needs no token (login, health). Everything else requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
