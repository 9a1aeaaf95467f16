import { createHash } from 'node:crypto';
import type { BackendAnswer } from '../../main/contract/citizenCatalog.js';
import type { BackendId, CitizenIdentity } from '../../main/contract/citizenServices.js';
import type { BackendQuestion, CitizenBackends } from './citizenBackends.js';

/**
 * Clearly fictional back ends for the demo, tests and training: every answer
 * is made up from the person's number (示例 employers and places), so any
 * simulated card gets a consistent record. `delayMs` slows a back end down,
 * to show (and test) what a citizen sees when a system does not answer.
 */
interface DemoProfile {
  retired: boolean;
  employer: string;
  insuredSince: string;
  base: number;
}

const employers = ['示例科技有限公司', '示例商贸有限公司', '示例市第一示范学校', '示例物流有限公司'];
const places = ['示例市第一人民医院', '示例社区卫生服务中心', '示例大药房'];

export const demoEidTokens: Record<string, CitizenIdentity> = {
  'demo-eid-wang-xiaoming': { idNumber: '11010519491231002X', name: '王小明' },
  'demo-eid-chen-shili': { idNumber: '810000199003080029', name: '陈示例' },
};

function profileOf(citizen: CitizenIdentity): DemoProfile {
  const digest = createHash('sha256').update(citizen.idNumber).digest();
  const birthYear = Number(/^\d{6}(\d{4})/.exec(citizen.idNumber)?.[1] ?? 1985);
  return {
    retired: birthYear < 1965,
    employer: employers[digest[0]! % employers.length]!,
    insuredSince: `${Math.max(1995, birthYear + 22)}-0${1 + (digest[1]! % 9)}`,
    base: 6000 + (digest[2]! % 40) * 100,
  };
}

const money = (value: number) => value.toFixed(2);
const lastMonths = (count: number, until = new Date()) =>
  Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth() - 1 - index, 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });

function answerFor(question: BackendQuestion, citizen: CitizenIdentity, now: Date): BackendAnswer {
  const person = profileOf(citizen);
  const pension = money(3800 + (person.base % 900));
  const subject = question.kind === 'lookup' ? question.lookup : question.type;
  const today = now.toISOString().slice(0, 10);
  const insured = person.retired ? '退休享受待遇' : '正常参保';
  switch (subject) {
    case 'social-insurance-payment':
      return {
        values: {
          employer: person.retired ? '示例市社会保险事业管理中心（退休）' : person.employer,
          insuredSince: person.insuredSince,
          monthsPaid: String(person.retired ? 360 : 96),
        },
        rows: lastMonths(6).map((month) => ({
          month,
          base: money(person.base),
          pension: money(person.base * 0.08),
          medical: money(person.base * 0.02),
          unemployment: money(person.base * 0.005),
        })),
      };
    case 'insured-status':
      return {
        values: {
          pension: insured,
          medical: insured,
          unemployment: person.retired ? '不适用' : '正常参保',
          workInjury: person.retired ? '不适用' : '正常参保',
          maternity: person.retired ? '不适用' : '正常参保',
        },
        rows: [],
      };
    case 'pension-payment':
    case 'pension-payments':
      return {
        values: {
          retiredOn: person.retired ? '2009-12' : '未退休',
          monthlyAmount: person.retired ? pension : '0.00',
          paidTo: '社保卡 ****6218',
        },
        rows: person.retired ? lastMonths(6).map((month) => ({ month, amount: pension })) : [],
      };
    case 'medical-insurance':
      return { values: { scheme: '职工基本医疗保险', insuredSince: person.insuredSince, status: insured }, rows: [] };
    case 'housing-fund-deposit':
      return {
        values: {
          account: '1234****5678',
          employer: person.employer,
          monthlyDeposit: money(person.base * 0.24),
          status: person.retired ? '销户' : '正常',
        },
        rows: lastMonths(6).map((month) => ({ month, amount: money(person.base * 0.24) })),
      };
    case 'unemployment-registration':
      return { values: { status: '未登记失业', registeredOn: '—', registrationNumber: '—' }, rows: [] };
    case 'contributions-by-year': {
      const year = question.kind === 'lookup' && question.year ? question.year : now.getUTCFullYear();
      const months = Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
      return {
        values: { year: String(year), monthsPaid: '12', totalPaid: money(person.base * 0.105 * 12) },
        rows: months.map((month) => ({
          month,
          base: money(person.base),
          personal: money(person.base * 0.105),
          employer: money(person.base * 0.26),
        })),
      };
    }
    case 'pension-account':
      return {
        values: { balance: money(person.base * 9.6), personalTotal: money(person.base * 8.4), interest: money(person.base * 1.2) },
        rows: [],
      };
    case 'contribution-base':
      return { values: { year: String(now.getUTCFullYear()), base: money(person.base), employer: person.employer }, rows: [] };
    case 'medical-balance':
      return { values: { balance: money(1200 + (person.base % 700)), asOf: today }, rows: [] };
    case 'medical-spending':
      return {
        values: {},
        rows: lastMonths(4).map((month, index) => ({
          date: `${month}-1${index}`,
          place: places[index % places.length]!,
          amount: money(86 + index * 41.5),
          fromAccount: money(60 + index * 20),
        })),
      };
    case 'housing-fund-account':
      return {
        values: {
          balance: money(person.base * 0.24 * 37),
          monthlyDeposit: money(person.base * 0.24),
          status: person.retired ? '销户' : '正常',
          asOf: today,
        },
        rows: lastMonths(6).map((month) => ({ month, amount: money(person.base * 0.24) })),
      };
    case 'unemployment-benefits':
      return { values: { status: '未领取', monthlyAmount: '0.00', monthsLeft: '0' }, rows: [] };
    case 'work-injury':
      return { values: { count: '0' }, rows: [] };
    case 'maternity':
      return { values: { status: '无记录' }, rows: [] };
    case 'citizen-card-balance':
      return { values: { wallet: money(52.3), transit: money(18.6), asOf: today }, rows: [] };
    case 'citizen-card-points':
      return {
        values: { points: '1280', expiring: '200' },
        rows: [
          { date: `${today.slice(0, 7)}-02`, reason: '公交出行', points: '+20' },
          { date: `${today.slice(0, 7)}-01`, reason: '志愿服务', points: '+100' },
        ],
      };
    case 'citizen-card-status':
      return { values: { card: '3101****0088', status: '正常', issuedOn: '2018-05-20', validTo: '2028-05-20' }, rows: [] };
    case 'traffic-violations':
      return {
        values: { plate: '京A·D1234（示例）', unsettled: '1' },
        rows: [
          {
            date: `${lastMonths(1)[0]}-18 08:42`,
            place: '示例大道与示例路交叉口',
            act: '机动车不按导向车道行驶',
            points: '2',
            fine: '100',
          },
        ],
      };
    case 'licence-points':
      return {
        values: {
          licence: '110***********002X',
          points: person.retired ? '0' : '2',
          periodEnds: `${now.getUTCFullYear() + 1}-03-15`,
          status: '正常',
        },
        rows: [],
      };
    case 'vehicle-inspection':
      return {
        values: {
          plate: '京A·D1234（示例）',
          dueBy: `${now.getUTCFullYear() + 1}-05-31`,
          station: '示例机动车检测站（示例路8号）',
          booking: '“交管12123”或检测站电话预约',
        },
        rows: [],
      };
    case 'transit-card-topups':
      return {
        values: { card: '3101****0088', balance: money(18.6) },
        rows: [
          { date: `${today} 07:55`, channel: '手机充值', amount: money(50), status: '待写卡（请在闸机或自助机上刷卡领取）' },
          { date: `${lastMonths(1)[0]}-02 18:20`, channel: '自助机', amount: money(100), status: '已到账' },
        ],
      };
    case 'report-lost-card':
      return { values: { card: '3101****0088', reportedAt: now.toISOString().slice(0, 16).replace('T', ' ') }, rows: [] };
  }
}

export class DemoBackends implements CitizenBackends {
  constructor(
    private readonly delayMs: Partial<Record<BackendId, number>> = {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  async answer(backend: BackendId, question: BackendQuestion, citizen: CitizenIdentity, signal: AbortSignal): Promise<BackendAnswer> {
    await this.#wait(this.delayMs[backend] ?? 0, signal);
    return answerFor(question, citizen, this.now());
  }

  async identifyEid(token: string, signal: AbortSignal): Promise<CitizenIdentity | null> {
    await this.#wait(0, signal);
    return demoEidTokens[token] ?? null;
  }

  #wait(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Error('aborted'));
      });
    });
  }
}
