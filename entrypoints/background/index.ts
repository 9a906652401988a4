import { startBackground } from './service';

export default defineBackground({
  main() {
    startBackground();
  },
});
