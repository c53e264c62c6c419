export { ConfigException, ConfigExceptionCode } from './config.exception';
export { ConfigModule } from './config.module';
export { loadConfig, projectRoot } from './load-config';
export { publicBaseUrl, PublicUrlService } from './public-url.service';
export { VigieConfig } from './vigie-config';
