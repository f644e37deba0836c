import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { startShell } from './stores/shell-start';
import './styles.css';
import { warmUpWhenIdle } from './warm-up';

document.documentElement.lang = i18n.global.locale.value;
const pinia = createPinia();
const app = createApp(App).use(pinia).use(router).use(i18n);
void startShell(pinia);
app.mount('#app');
void warmUpWhenIdle();
