/**
 * `@callbot/shared/zod`: the zod that shared's schemas are made with. The
 * published package bundles it (`dist/vendor/zod/`) rather than depending on
 * zod, so extend or compose shared's schemas with this `z`, not another copy
 * of zod. The runtime imports zod from here for the same reason.
 */
export { z } from 'zod';
