// Narrative preview: the day's 疫情动态 text from the default, plain or a custom template.
import { onBeforeUnmount, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { getTemplate, narrative, previewNarrative, type NarrativeText } from '@/modules/epidemic/api'
import { queryString } from '@/utils/query'
import { DEFAULT_DATE } from '../shared/fields'

export type TemplateChoice = 'default' | 'plain' | 'custom'

export function useNarrative() {
  const route = useRoute()
  const router = useRouter()
  const date = ref(queryString(route.query.date) || DEFAULT_DATE)
  const choice = ref<TemplateChoice>('default')
  const custom = ref('')
  const result = ref<NarrativeText | null>(null)
  const loading = ref(false)
  const error = ref<unknown>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let seq = 0

  async function render(): Promise<void> {
    if (!date.value || (choice.value === 'custom' && !custom.value.trim())) return
    const mine = ++seq
    loading.value = true
    error.value = null
    void router.replace({ query: { date: date.value } })
    try {
      const r =
        choice.value === 'custom'
          ? await previewNarrative(date.value, custom.value)
          : await narrative(date.value, choice.value)
      if (mine === seq) result.value = r
    } catch (e) {
      if (mine === seq) {
        error.value = e
        result.value = null
      }
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** Fills the editor with a built-in template's text. */
  async function startFrom(name: 'default' | 'plain'): Promise<void> {
    try {
      custom.value = (await getTemplate(name)).text
    } catch (e) {
      error.value = e
    }
  }

  watch([date, choice], async () => {
    // An empty editor is filled first; the edit then triggers the preview below.
    if (choice.value === 'custom' && !custom.value.trim()) {
      await startFrom('default')
      return
    }
    void render()
  })
  // Live preview while typing, a moment after the last key.
  watch(custom, () => {
    if (choice.value !== 'custom') return
    clearTimeout(timer)
    timer = setTimeout(() => void render(), 400)
  })
  onBeforeUnmount(() => clearTimeout(timer))

  return { date, choice, custom, result, loading, error, render, startFrom }
}
