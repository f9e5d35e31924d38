//! Fetching a bundle with byte-level progress, so a large archive shows how far along it is.

use gloo_net::http::Request;
use hoinghi::i18n::Lang;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, RequestCredentials};

/// Why the bytes of a bundle could not be had.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The server answered with an error status.
    Http { status: u16, status_text: String },
    /// No answer at all (offline, refused, blocked by CORS).
    Network(String),
}

impl FetchError {
    /// The error in the interface language; the browser's own words stay as they are.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (
                FetchError::Http {
                    status,
                    status_text,
                },
                Lang::Vi,
            ) => format!("máy chủ trả lời HTTP {status} {status_text}"),
            (FetchError::Network(msg), Lang::Vi) => format!("lỗi mạng: {msg}"),
        }
    }
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Http {
                status,
                status_text,
            } => write!(f, "the server answered HTTP {status} {status_text}"),
            FetchError::Network(msg) => write!(f, "network error: {msg}"),
        }
    }
}

/// Downloads `url`, calling `progress(received, total)` as chunks arrive.
///
/// Bundles may come from any host (`?bundle=`), so no cookies or credentials are ever sent.
pub async fn fetch_bytes(
    url: &str,
    progress: impl Fn(usize, Option<usize>),
) -> Result<Vec<u8>, FetchError> {
    let response = Request::get(url)
        .credentials(RequestCredentials::Omit)
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(FetchError::Http {
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let total = response
        .headers()
        .get("content-length")
        .and_then(|v| v.parse().ok());
    let Some(stream) = response.body() else {
        return response
            .binary()
            .await
            .map_err(|e| FetchError::Network(e.to_string()));
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(total.unwrap_or(0));
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(js_error)?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .map_err(js_error)?
            .as_bool()
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(js_error)?
            .unchecked_into();
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
        progress(bytes.len(), total);
    }
}

fn js_error(e: JsValue) -> FetchError {
    FetchError::Network(
        e.as_string()
            .or_else(|| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "the download was interrupted".into()),
    )
}
