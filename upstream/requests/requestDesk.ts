import type { ConvenienceConfig, Progress, RequestReceipt, ServiceRequest } from '../../main/contract/convenience.js';
import type { CitizenIdentity } from '../../main/contract/citizenServices.js';
import type { QueueContext } from '../queue/queueContext.js';

export class RequestRefused extends Error {
  constructor(
    readonly code: 'unknown_place' | 'unknown_topic' | 'unknown_number',
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'RequestRefused';
  }
}

const departmentFor = {
  'mail-delivery': { 'zh-CN': '政务服务中心寄递窗口', en: 'Service centre mail desk' },
  'home-visit': { 'zh-CN': '街道便民服务中心', en: 'Street service centre' },
} as const;

/**
 * Requests from kiosks: checked against the hall's choices, numbered per day
 * (20261125-0001), recorded with the department they are dispatched to.
 * Progress is the request's own, or a back-end application's for other numbers.
 */
export class RequestDesk {
  constructor(
    private readonly queue: QueueContext,
    private readonly config: ConvenienceConfig,
  ) {}

  receive(terminalId: string, citizen: CitizenIdentity, request: ServiceRequest): Promise<RequestReceipt> {
    const district = this.config.districts.find((candidate) => candidate.id === request.district);
    if (!district || !district.streets[request.street])
      throw new RequestRefused('unknown_place', `no street ${request.street} in district "${request.district}"`);
    const topic = request.kind === 'complaint' ? this.config.complaintTopics.find((candidate) => candidate.id === request.topic) : null;
    if (request.kind === 'complaint' && !topic) throw new RequestRefused('unknown_topic', `no complaint topic "${request.topic}"`);
    const department = topic ? topic.department : departmentFor[request.kind as 'mail-delivery' | 'home-visit'];
    const receivedAt = this.queue.now().toISOString();
    return this.queue.db.transaction(async (tx) => {
      const day = this.queue.today().replaceAll('-', '');
      await tx.run('INSERT INTO hall_sequence (name, value) VALUES (?, 0) ON CONFLICT (name) DO NOTHING', [`request-${day}`]);
      await tx.run('UPDATE hall_sequence SET value = value + 1 WHERE name = ?', [`request-${day}`]);
      const { value } = (await tx.get<{ value: number }>('SELECT value FROM hall_sequence WHERE name = ?', [`request-${day}`]))!;
      const reference = `${day}-${String(value).padStart(4, '0')}`;
      await tx.run(
        "INSERT INTO service_request (reference, kind, department, id_number, name, details, status, terminal_id, received_at) VALUES (?, ?, ?, ?, ?, ?, 'dispatched', ?, ?)",
        [
          reference,
          request.kind,
          JSON.stringify(department),
          citizen.idNumber,
          citizen.name,
          JSON.stringify(request),
          terminalId,
          receivedAt,
        ],
      );
      return { reference, kind: request.kind, department, receivedAt };
    });
  }

  async progress(number: string): Promise<Progress> {
    const row = await this.queue.db.get<{ kind: string; department: string; received_at: string }>(
      'SELECT kind, department, received_at FROM service_request WHERE reference = ?',
      [number],
    );
    if (row) {
      const department = JSON.parse(row.department) as { 'zh-CN': string; en: string };
      return {
        number,
        title: { 'zh-CN': `便民服务申请（${department['zh-CN']}）`, en: `Request (${department.en})` },
        steps: [
          { name: { 'zh-CN': '已受理', en: 'Received' }, at: row.received_at, done: true },
          { name: { 'zh-CN': `已派发至${department['zh-CN']}`, en: `Sent to ${department.en}` }, at: row.received_at, done: true },
          { name: { 'zh-CN': '办理中', en: 'In progress' }, at: null, done: false },
          { name: { 'zh-CN': '办结回访', en: 'Done, follow-up call' }, at: null, done: false },
        ],
      };
    }
    // The government back end's applications (demo): numbers that start with a year.
    if (/^20\d{10,}$/.test(number.replaceAll('-', ''))) {
      return {
        number,
        title: { 'zh-CN': '示例事项办件', en: 'Sample application' },
        steps: [
          {
            name: { 'zh-CN': '受理', en: 'Accepted' },
            at: `${number.slice(0, 4)}-${number.slice(4, 6)}-${number.slice(6, 8)}`,
            done: true,
          },
          { name: { 'zh-CN': '审核', en: 'Under review' }, at: null, done: true },
          { name: { 'zh-CN': '办结', en: 'Decided' }, at: null, done: false },
        ],
      };
    }
    throw new RequestRefused('unknown_number', `no application or request ${number}`, 404);
  }
}
