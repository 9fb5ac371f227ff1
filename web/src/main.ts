// Entry point: installs Pinia, vue-i18n, Element Plus and the router, and wires the HTTP hooks.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { configureHttp } from './api/http'
import { i18n } from './i18n'
import { router } from './router'
import { useLocaleStore } from './stores/locale'
import { useSessionStore } from './stores/session'
import './styles.css'
import { tieFormErrorsToFields } from './utils/a11yFormErrors'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(ElementPlus)

const session = useSessionStore()
const locale = useLocaleStore()
configureHttp({
  csrfToken: () => session.csrfToken,
  language: () => locale.locale,
  onUnauthenticated: () => {
    session.clear()
    const here = router.currentRoute.value
    if (!here.meta.public) void router.push({ name: 'login', query: { redirect: here.fullPath } })
  },
})

app.use(router)
app.mount('#app')
tieFormErrorsToFields()
