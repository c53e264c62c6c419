export { WatchModule } from './watch.module';
