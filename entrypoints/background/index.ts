import { startBackground } from './service';

export default defineBackground({
  type: 'module',
  main() {
    startBackground();
  },
});
