// The supplies and donations ledger: balances, the transactions with filters, a dialog that
// records one (a refused overdraft shows the balance the server names), the yearly summary.
import { computed, ref, watch } from 'vue'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '@/stores/session'
import { usePagedList } from '@/composables/usePagedList'
import { useFormDialog } from '@/composables/useFormDialog'
import {
  getSummary,
  ledgerXlsxUrl,
  listBalances,
  listItems,
  listTransactions,
  recordTransaction,
  type Balance,
  type SupplyItem,
  type SupplySummary,
} from '../../api'

export const TX_FIELDS = ['item', 'quantity', 'from', 'to', 'date', 'note']

export function useLedger() {
  const { t } = useI18n()
  const session = useSessionStore()
  const isStaff = computed(() => session.hasAnyRole(['admin', 'editor']))
  const year = ref(String(new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear()))
  const items = ref<SupplyItem[]>([])
  const balances = ref<Balance[]>([])
  const balancesError = ref<unknown>(null)
  const summary = ref<SupplySummary | null>(null)

  const list = usePagedList({
    filters: { holder: '', item: '', year: '' },
    cleared: () => ({ holder: '', item: '', year: '' }),
    fetch: (f, paging) =>
      listTransactions({ holder: f.holder || undefined, item: f.item || undefined, year: f.year || undefined, ...paging }),
  })

  async function loadBalances(): Promise<void> {
    balancesError.value = null
    try {
      balances.value = (await listBalances()).items
    } catch (e) {
      balancesError.value = e
    }
  }
  async function loadSummary(): Promise<void> {
    summary.value = await getSummary(year.value).catch(() => null)
  }

  const open = ref(false)
  const dialog = useFormDialog({
    open,
    fields: TX_FIELDS,
    initial: () => ({ item: 'masks', quantity: 1, from: '', to: '', date: new Date().toISOString().slice(0, 10), note: '' }),
    submit: (f) => recordTransaction({ ...f, from: f.from.trim(), to: f.to.trim(), note: f.note.trim() || undefined }),
    saved: () => {
      ElMessage.success(t('members.ledger.recorded'))
      void list.load()
      void loadBalances()
      void loadSummary()
    },
  })

  const xlsxUrl = computed(() => ledgerXlsxUrl(list.filters.year || ''))
  const unitOf = (item: string) => items.value.find((i) => i.item === item)?.unit ?? ''

  listItems()
    .then((r) => (items.value = r.items))
    .catch(() => undefined)
  void loadBalances()
  void loadSummary()
  watch(year, () => void loadSummary())

  return { list, isStaff, year, items, balances, balancesError, summary, open, dialog, xlsxUrl, unitOf, loadBalances }
}
