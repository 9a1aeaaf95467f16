import type { RpcHandlers } from '../../contract/rpc.js';
import type { AppointmentDesk } from './appointmentDesk.js';

type AppointmentMethods =
  | 'appointments.services'
  | 'appointments.slots'
  | 'appointments.book'
  | 'appointments.mine'
  | 'appointments.cancel'
  | 'appointments.reschedule'
  | 'appointments.checkIn'
  | 'appointments.today';

export function appointmentHandlers(desk: AppointmentDesk): Pick<RpcHandlers, AppointmentMethods> {
  return {
    'appointments.services': async () => desk.services(),
    'appointments.slots': ({ service }) => desk.slots(service),
    'appointments.book': ({ service, day, time, phone }) => desk.book(service, day, time, phone),
    'appointments.mine': () => desk.mine(),
    'appointments.cancel': ({ code }) => desk.cancel(code),
    'appointments.reschedule': ({ code, day, time }) => desk.reschedule(code, day, time),
    'appointments.checkIn': ({ code }) => desk.checkIn(code),
    'appointments.today': () => desk.todayAtCounter(),
  };
}
