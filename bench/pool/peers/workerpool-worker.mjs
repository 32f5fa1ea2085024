import workerpool from 'workerpool';
import { double, inc, len, spin } from './tasks.mjs';

workerpool.worker({ inc, spin, len, double });
