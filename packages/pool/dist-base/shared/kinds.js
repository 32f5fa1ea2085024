/**
 * Imports every shared primitive so each registers its reviver (workers revive any kind).
 * @module
 */
import './barrier.js';
import './condition.js';
import './event.js';
import './mutex.js';
import './pipe.js';
import './queue.js';
import './semaphore.js';
import './value.js';
import './manager.js';
//# sourceMappingURL=kinds.js.map