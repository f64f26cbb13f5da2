// REST client of the console: the JWT in sessionStorage, problem+json turned into readable errors.
const BASE = "/api/v1";
const TOKEN_KEY = "zhili.token";

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `请求失败（${status}）`);
    this.status = status;
    this.code = problem.code || "";
    this.field = problem.field || "";
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

let onUnauthorized = () => {};
export function setUnauthorizedHandler(handler) { onUnauthorized = handler; }

function query(params) {
  const usable = Object.entries(params || {}).filter(([, v]) => v !== undefined && v !== null && v !== "");
  return usable.length ? "?" + new URLSearchParams(usable).toString() : "";
}

export async function request(method, path, { params, body, auth = true } = {}) {
  const headers = { Accept: "application/json", "Accept-Language": "zh-CN" };
  if (auth && token.get()) headers.Authorization = `Bearer ${token.get()}`;
  const multipart = body instanceof FormData;  // the browser sets the multipart boundary itself
  if (body !== undefined && !multipart) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["Idempotency-Key"] = crypto.randomUUID();
  let reply;
  try {
    reply = await fetch(BASE + path + query(params), {
      method, headers, body: body === undefined || multipart ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { detail: "无法连接服务器，请检查网络后重试" });
  }
  const text = await reply.text();
  let data = {};
  try { data = text ? JSON.parse(text) : {}; } catch { data = { detail: text.slice(0, 200) }; }
  if (!reply.ok) {
    if (reply.status === 401 && auth) onUnauthorized();
    throw new ApiError(reply.status, data);
  }
  return data;
}

export const get = (path, params) => request("GET", path, { params });
export const post = (path, body = {}) => request("POST", path, { body });
export const patch = (path, body) => request("PATCH", path, { body });

/** Uploads photos (File objects) one by one; resolves to their URLs for `photo_urls`. */
export async function uploadPhotos(files) {
  const urls = [];
  for (const file of files) {
    const form = new FormData();
    form.append("file", file);
    urls.push((await request("POST", "/attachments", { body: form })).url);
  }
  return urls;
}

/** Every page of a list (bounded: at most `limit` items). */
export async function listAll(path, key, params = {}, limit = 2000) {
  const items = [];
  let pageToken = "";
  do {
    const page = await get(path, { ...params, page_size: 500, page_token: pageToken });
    items.push(...(page[key] || []));
    pageToken = page.next_page_token || "";
  } while (pageToken && items.length < limit);
  return items;
}

export async function login(username, password) {
  const reply = await request("POST", "/auth/token", { body: { username, password }, auth: false });
  token.set(reply.access_token);
  return reply;
}
