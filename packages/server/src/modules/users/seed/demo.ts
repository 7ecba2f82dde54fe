import type { ServiceContext } from '../../../context.js';
import type { DemoSeed } from '../../../kernel/module.js';
import { unitBriefs } from '../../units/api.js';
import { insertUser } from '../commands/createUser.js';
import type { Role } from '../contracts.js';

const demoPeople: Array<{ login: string; name: string; role: Role; unit: string }> = [
  { login: 'office', name: '活动办 管理员', role: 'admin', unit: 'QJ' },
  { login: 'organiser', name: '城西街道 组织员', role: 'organiser', unit: 'QJ-S03' },
  { login: 'screener', name: '初筛员 王敏', role: 'screener', unit: 'QJ' },
  { login: 'expert1', name: '专家 李教授', role: 'expert', unit: 'QJ' },
  { login: 'expert2', name: '专家 陈研究员', role: 'expert', unit: 'QJ' },
  { login: 'expert3', name: '专家 刘高工', role: 'expert', unit: 'QJ' },
  { login: 'dept', name: '发展改革委 经办人', role: 'department_staff', unit: 'QJ-D01' },
  { login: 'supervisor', name: '纪委监委 监督员', role: 'supervisor', unit: 'QJ' },
  { login: 'cadre', name: '联企干部 周建国', role: 'liaison', unit: 'QJ-D01' },
  { login: 'enterprise', name: '黔江某制造企业', role: 'enterprise', unit: 'QJ' },
  { login: 'citizen', name: '市民 张先生', role: 'citizen', unit: 'QJ' },
];

/** One demo account per role, each with a random password handed back to print once. */
export async function seedUsersDemo(ctx: ServiceContext, seed: DemoSeed): Promise<void> {
  const ids = new Map((await unitBriefs(ctx.db)).map((u) => [u.code, u.id]));
  for (const person of demoPeople) {
    const { initialPassword } = await insertUser(
      ctx,
      {
        login: person.login,
        displayName: person.name,
        roles: [{ role: person.role, unitId: ids.get(person.unit)! }],
      },
      { isDemo: true, mustChangePassword: false },
    );
    seed.accounts.push({
      login: person.login,
      password: initialPassword!,
      role: person.role,
      unit: person.unit,
    });
  }
}
