import { createRouter, createWebHashHistory } from 'vue-router';
import HomeView from './views/HomeView.vue';

// Hash history: the same build works from file:// in Electron and from the browser transport.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [{ path: '/', name: 'home', component: HomeView }],
});
