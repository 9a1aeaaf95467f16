import { readAppointments } from '../../hall-config/readAppointments.js';
import type { AppointmentsConfig } from '../../main/contract/appointments.js';

/** "HH:MM" in the hall's zone (Asia/Shanghai in the demo), `minutes` from now. */
export function shanghaiTime(minutes: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(Date.now() + minutes * 60_000),
  );
}

/** The demo appointments with a slot `minutes` from now (so a test can check in today) and the real-estate capacity set. */
export async function appointmentsSoon(minutes: number, capacity = 3): Promise<AppointmentsConfig> {
  const config = await readAppointments();
  return {
    ...config,
    services: config.services.map((service) => ({
      ...service,
      slotTimes: [shanghaiTime(minutes), shanghaiTime(minutes + 90)].sort(),
      capacity: service.id === 'real-estate' ? capacity : service.capacity,
    })),
  };
}
