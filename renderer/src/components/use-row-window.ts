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
  /** A smaller height reported meanwhile, taken at the next scroll (see the observer). */
  let shrunkTo: number | null = null;
  const onScroll = (): void => {
    if (shrunkTo !== null) viewportHeight.value = shrunkTo;
    shrunkTo = null;
    scrollTop.value = scroller.value?.scrollTop ?? 0;
  };
  // Read once layout is done, where it costs nothing: ResizeObserver reports every observed element
  // once after its first layout, before it is painted. A taller scroller needs its rows at once; a
  // shorter one only has spare rows below its edge, which the next scroll drops: dropping them now
  // would render the table and lay the page out a second time in the same frame (14 ms of CPU in
  // the frame that drew the first rows, in a trace).
  const resize = new ResizeObserver(() => {
    const height = scroller.value?.clientHeight ?? 0;
    if (height >= viewportHeight.value) {
      viewportHeight.value = height;
      shrunkTo = null;
    } else shrunkTo = height;
  });
  watch(scroller, (element, previous) => {
    previous?.removeEventListener('scroll', onScroll);
    if (previous) resize.unobserve(previous);
    if (!element) return;
    element.addEventListener('scroll', onScroll, { passive: true });
    resize.observe(element);
    // A new scroller starts at the top. Its height is not read here: mounted mid-update (rows just
    // arrived, a cluster just ticked), reading it would lay the page out in the middle of the task and
    // again at its end. Until the observer reports, the window's height stands in: the first rows
    // drawn fill the table.
    viewportHeight.value = window.innerHeight;
    shrunkTo = null;
    scrollTop.value = 0;
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
