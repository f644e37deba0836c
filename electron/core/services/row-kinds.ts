// Every live list kind, by the name the contract uses. A new kind: its row type in
// electron/api/row-types.ts, its descriptor (a file like route-rows.ts), and a line here.
import type { RowKind } from '../../api/types';
import type { RowDescriptor } from '../rows/row-descriptor';
import { routeRows } from './route-rows';
import { serviceRows } from './service-row';
import { workloadRows } from './workload-rows';

export const ROW_KINDS: { [K in RowKind]: RowDescriptor<K> } = {
  services: serviceRows,
  workloads: workloadRows,
  routes: routeRows,
};
