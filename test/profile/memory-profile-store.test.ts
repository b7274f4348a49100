import { MemoryProfileStore } from '../../src/profile/index.js';
import { describeProfileStore } from './profile-store-suite.js';

describeProfileStore('MemoryProfileStore', () => new MemoryProfileStore());
