import * as d from '@polycore/dispatch';
import { isNativeAvailable } from '@polycore/native';
import { arraySuite } from './array-suite.js';

arraySuite(d, 'auto');
arraySuite(d, 'js');
arraySuite(d, 'workers');
if (isNativeAvailable()) arraySuite(d, 'native');
