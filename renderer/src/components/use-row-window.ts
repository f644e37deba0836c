// The Service table's window over its rows (model/row-window.ts) following the scroller's position
// and size: the scroll position is read once per scroll event, the height from a ResizeObserver.
import { computed, onBeforeUnmount, ref, watch, type ComputedRef, type Ref } from 'vue';
import { scrollTopFor, windowItems, type WindowItem } from '../model/row-window';

export interface RowWindow {
  items: ComputedRef<WindowItem[]>;
  totalSize: ComputedRef<number>;
  scrollToIndex(index: number, align?: 'auto' | 'center'): void;
}

export function useRowWindow(scroller: Ref<HTMLElement | null>, count: () => number, rowHeight: number, overscan: number): RowWindow {
  const scrollTop = ref(0);
  const viewportHeight = ref(0);
  const onScroll = (): void => {
    scrollTop.value = scroller.value?.scrollTop ?? 0;
  };
  const resize = new ResizeObserver(() => {
    viewportHeight.value = scroller.value?.clientHeight ?? 0;
  });
  watch(scroller, (element, previous) => {
    previous?.removeEventListener('scroll', onScroll);
    if (previous) resize.unobserve(previous);
    if (!element) return;
    element.addEventListener('scroll', onScroll, { passive: true });
    resize.observe(element);
    viewportHeight.value = element.clientHeight;
    scrollTop.value = element.scrollTop;
  }, { immediate: true });
  onBeforeUnmount(() => {
    scroller.value?.removeEventListener('scroll', onScroll);
    resize.disconnect();
  });

  const items = computed(() => windowItems({ count: count(), rowHeight, scrollTop: scrollTop.value, viewportHeight: viewportHeight.value, overscan }));
  const totalSize = computed(() => count() * rowHeight);
  function scrollToIndex(index: number, align: 'auto' | 'center' = 'auto'): void {
    const element = scroller.value;
    if (!element) return;
    element.scrollTop = scrollTopFor(index, align, { count: count(), rowHeight, scrollTop: element.scrollTop, viewportHeight: element.clientHeight });
    onScroll();
  }
  return { items, totalSize, scrollToIndex };
}
