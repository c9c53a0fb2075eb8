import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Caller } from '@app/core';
import type { Request } from 'express';

export type AuthedRequest = Request & { caller?: Caller };

/** The verified caller of the request, set by the AuthGuard. */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const caller = ctx.switchToHttp().getRequest<AuthedRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on a public route');
  return caller;
});
