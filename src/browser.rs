//! Small wrappers around browser APIs the pages need: the clock, dates, downloads, focus.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Lang;

/// Milliseconds since the Unix epoch, as the model stores times.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Whether the page is on screen (not a background tab or a minimised window).
pub fn is_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

/// Loads the page again (and with it a newer version of the app, if one is installed).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The browser's preferred languages, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let navigator = window.navigator();
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if let Some(tag) = navigator.language() {
        tags.push(tag);
    }
    tags
}

/// A date and time in the user's language, e.g. "27 nov. 2026, 09:14".
pub fn format_date_time(ms: i64, lang: Lang) -> String {
    format_ms(ms, lang, true)
}

/// The day of a time in the user's language, e.g. "27 nov. 2026".
pub fn format_day_of(ms: i64, lang: Lang) -> String {
    format_ms(ms, lang, false)
}

fn format_ms(ms: i64, lang: Lang, with_time: bool) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    for (name, value) in [
        ("day", "numeric"),
        ("month", "short"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ]
    .into_iter()
    .take(if with_time { 5 } else { 3 })
    {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    }
    date.to_locale_string(lang.tag(), &options).into()
}

/// Offers `text` as a file download; nothing leaves the browser.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Runs `f` once the next frame is painted: a timeout queued from an animation frame runs
/// after that frame's paint. Work put there never delays what is already on screen.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO)
    });
}

/// How long work queued with [`when_idle`] waits for a quiet moment, at most.
const IDLE_WAIT_MS: u32 = 2000;

/// Runs `f` once the next frame is painted and the browser has nothing more urgent to do
/// (no input to answer, no frame due), so that the first screen answers at once; at most
/// [`IDLE_WAIT_MS`] later. Without `requestIdleCallback` (Safari), after the paint.
pub fn when_idle(f: impl FnOnce() + 'static) {
    idle_then(Box::new(f));
}

fn idle_then(f: Box<dyn FnOnce()>) {
    after_next_paint(move || {
        let callback = Closure::once_into_js(f);
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(IDLE_WAIT_MS);
        let queued = web_sys::window().map(|window| {
            window.request_idle_callback_with_options(callback.unchecked_ref(), &options)
        });
        if !matches!(queued, Some(Ok(_))) {
            let _ = callback
                .unchecked_ref::<js_sys::Function>()
                .call0(&JsValue::NULL);
        }
    });
}

/// Moves keyboard focus to the element with this id, after the DOM has caught up.
pub fn focus_later(id: String) {
    leptos::prelude::request_animation_frame(move || {
        if let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// Keeps `<html lang>` in step with the chosen language, for screen readers and spelling.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Asks a yes/no question in the browser's own dialog; false if it cannot be shown.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Today's date in the user's time zone, as the model's date type.
pub fn today() -> time::Date {
    let now = js_sys::Date::new_0();
    let month = time::Month::try_from(now.get_month() as u8 + 1).unwrap_or(time::Month::January);
    time::Date::from_calendar_date(now.get_full_year() as i32, month, now.get_date() as u8)
        .unwrap_or(time::Date::MIN)
}

/// Formats a date with the browser's Intl in the user's language.
fn format_with(year: i32, month: u8, day: u8, lang: Lang, options: &[(&str, &str)]) -> String {
    let date = js_sys::Date::new_with_year_month_day(year as u32, month as i32 - 1, day as i32);
    let object = js_sys::Object::new();
    for (name, value) in options {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), &(*value).into());
    }
    date.to_locale_date_string(lang.tag(), &object).into()
}

/// "March 2026" / "mars 2026".
pub fn format_month(month: crate::model::Month, lang: Lang) -> String {
    format_with(
        month.year,
        month.month,
        1,
        lang,
        &[("month", "long"), ("year", "numeric")],
    )
}

/// "31 Mar 2026" / "31 mars 2026".
pub fn format_day(date: time::Date, lang: Lang) -> String {
    format_with(
        date.year(),
        date.month() as u8,
        date.day(),
        lang,
        &[("day", "numeric"), ("month", "short"), ("year", "numeric")],
    )
}

/// Opens the browser's print dialog (where "Save as PDF" lives).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Today as `YYYY-MM-DD`, for file names.
pub fn iso_today() -> String {
    today().to_string()
}

/// The text at an address of this app (a file shipped beside it), or why not.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "offline".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| "no text")?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "no text".to_string())
}

/// Why a request to another site gave no usable answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchProblem {
    Offline,
    /// Network error or CORS refusal (the browser does not say which).
    Network,
    Timeout,
    /// Too many requests: wait this many seconds.
    Busy(u32),
    Http(u16),
}

/// A plain GET to another site (no credentials, no custom header: no preflight), given up
/// after `timeout_ms`.
pub async fn fetch_elsewhere(url: &str, timeout_ms: i32) -> Result<String, FetchProblem> {
    let window = web_sys::window().ok_or(FetchProblem::Network)?;
    if !window.navigator().on_line() {
        return Err(FetchProblem::Offline);
    }
    let controller = web_sys::AbortController::new().map_err(|_| FetchProblem::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_signal(Some(&controller.signal()));
    let abort = wasm_bindgen::closure::Closure::once_into_js({
        let controller = controller.clone();
        move || controller.abort()
    });
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), timeout_ms)
        .ok();
    let answer = async {
        let response =
            wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(url, &init))
                .await
                .map_err(|_| FetchProblem::Network)?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| FetchProblem::Network)?;
        match response.status() {
            429 => {
                let wait = response
                    .headers()
                    .get("Retry-After")
                    .ok()
                    .flatten()
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(30);
                return Err(FetchProblem::Busy(wait));
            }
            status if !response.ok() => return Err(FetchProblem::Http(status)),
            _ => {}
        }
        let text = response.text().map_err(|_| FetchProblem::Network)?;
        wasm_bindgen_futures::JsFuture::from(text)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .ok_or(FetchProblem::Network)
    }
    .await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    answer.map_err(|problem| match problem {
        _ if controller.signal().aborted() => FetchProblem::Timeout,
        FetchProblem::Network if !window.navigator().on_line() => FetchProblem::Offline,
        other => other,
    })
}

/// The text of a file the user picked or dropped.
pub async fn read_file(file: web_sys::File) -> Result<String, JsValue> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await?;
    text.as_string()
        .ok_or_else(|| JsValue::from_str("not text"))
}

/// The URL fragment, `#` included, or an empty string.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Drops the fragment from the address bar (a share link, once dealt with) without a reload
/// and without a new history entry.
pub fn clear_location_hash() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The address the app is served from, e.g. `https://example.org`.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Copies text to the clipboard; `done` learns whether the browser allowed it.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(false);
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Marks a moment in the browser's performance timeline (User Timing).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Records the time since `start` (a `mark`) as `name` in the performance timeline.
pub fn measure_since(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark(name, start);
    }
}
