import { createApp } from 'vue';
import { createPinia } from 'pinia';
import 'element-plus/dist/index.css';
import './styles.css';
import App from './App.vue';
import { i18n } from './i18n';
import { installElement } from './plugins/element';
import { router } from './router';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(router);
installElement(app);
app.config.errorHandler = (error) => {
  // A rendering bug must not leave a blank page; log it once and let the view's own error state show.
  console.warn('[clusterlink]', error);
};
app.mount('#app');
