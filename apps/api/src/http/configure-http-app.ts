import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { TokenService } from '@app/core';
import type { AppConfig } from '@app/platform';
import type { NextFunction, Request, Response } from 'express';
import { HttpExceptionFilter } from '../common/http-exception.filter';
import { createValidationPipe } from '../common/validation.pipe';

export const API_PREFIX = 'api/v1';

/** Everything HTTP-wide, shared by main and the end-to-end tests so both run the same stack. */
export function configureHttpApp(app: INestApplication, config: AppConfig): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('ClusterLink 集群链通 API')
      .setDescription('辽宁省产业集群对接服务平台：注册、账户、供需对接、活动、意向、统计。')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  if (config.production) app.use(['/api/docs', '/api/docs-json'], requireDocsToken(app));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** In production the API docs need a department admin's token; elsewhere they are open. */
function requireDocsToken(app: INestApplication) {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /i, '');
    try {
      if (app.get(TokenService).verify(token).role === 'dept_admin') return next();
    } catch {
      /* fall through to 401 */
    }
    res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'API 文档需要厅管理员令牌' });
  };
}
