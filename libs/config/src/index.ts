export { ConfigException, ConfigExceptionCode } from './config.exception';
export { ConfigModule } from './config.module';
export { loadConfig, projectRoot } from './load-config';
export { VigieConfig } from './vigie-config';
