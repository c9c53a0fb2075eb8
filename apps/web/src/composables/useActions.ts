import { ElMessage, ElMessageBox } from 'element-plus';
import { api } from '@/api/client';
import { describeError } from '@/api/errors';
import { t } from '@/i18n';

/** Asks before a destructive or irreversible action; resolves false when the user cancels. */
export async function confirmAction(message: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, t('common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: t('common.confirm'),
      cancelButtonText: t('common.cancel'),
    });
    return true;
  } catch {
    return false;
  }
}

/** Runs an action, shows success or the API's error in plain words; returns whether it worked. */
export async function runAction(
  action: () => Promise<unknown>,
  success = t('common.done'),
): Promise<boolean> {
  try {
    await action();
    ElMessage.success(success);
    return true;
  } catch (e) {
    ElMessage.error(describeError(e));
    return false;
  }
}

/** Exports a list as Excel: the list route asked for with the xlsx Accept header, saved as a file. */
export async function exportExcel(
  path: string,
  name: string,
  query?: Record<string, string | number | boolean | null | undefined>,
): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 10);
  const file = `${name}-${stamp}.xlsx`;
  await runAction(
    () => api.download(path, file, { ...query, page: undefined, pageSize: undefined }),
    t('common.exported', { file }),
  );
}
