import { describe, expect, it } from 'vitest';
import { defineVersionedSetting } from '../../../src/model/versioned-setting';

const setting = defineVersionedSetting<{ version: number; label: string }>({
  version: 3,
  defaults: { version: 0, label: 'none' },
  readFields: ({ label }) => ({ version: 3, label: typeof label === 'string' ? label : 'none' }),
});

describe('defineVersionedSetting', () => {
  it('writes its own version over a field of the same name, so a stored value always says which form it is', () => {
    expect(setting.serialize({ version: 99, label: 'x' })).toEqual({ version: 3, label: 'x' });
  });

  it.each([
    ['null', null],
    ['a number', 7],
    ['an array', ['label']],
    ['no version', { label: 'x' }],
    ['an older version', { version: 2, label: 'x' }],
  ])('reads %s as the defaults without asking the fields', (_name, stored) => {
    expect(setting.parse(stored)).toBe(setting.defaults);
  });

  it('hands a value of its version to the field reader', () => {
    expect(setting.parse({ version: 3, label: 'kept' })).toEqual({ version: 3, label: 'kept' });
  });
});
