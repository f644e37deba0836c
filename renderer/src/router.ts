import { createRouter, createWebHashHistory } from 'vue-router';
import ServicesView from './views/ServicesView.vue';

// Hash history: the same build works from file:// in Electron and from the browser transport.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'services', component: ServicesView },
    {
      path: '/services/:context/:namespace/:name',
      name: 'service',
      component: () => import('./views/ServiceDetailView.vue'),
      props: true,
    },
    { path: '/drafts', name: 'drafts', component: () => import('./views/DraftsView.vue') },
  ],
});
