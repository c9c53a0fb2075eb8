import { ref, watch, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import { describeError } from '@/api/errors';
import { t } from '@/i18n';

/**
 * The save cycle of an edit dialog: `onOpen` refills the form each time it opens; `save` runs the request, says
 * "已保存", closes and hands the result to `onSaved`, or keeps the dialog open with the error shown in it.
 */
export function useSaveDialog<R>(open: Ref<boolean>, onOpen: () => void, onSaved: (result: R) => void) {
  const saving = ref(false);
  const error = ref<string | null>(null);

  watch(open, (value) => {
    if (!value) return;
    error.value = null;
    onOpen();
  });

  async function save(request: () => Promise<R>): Promise<void> {
    saving.value = true;
    error.value = null;
    try {
      const result = await request();
      ElMessage.success(t('common.saved'));
      open.value = false;
      onSaved(result);
    } catch (e) {
      error.value = describeError(e);
    } finally {
      saving.value = false;
    }
  }

  return { saving, error, save };
}
