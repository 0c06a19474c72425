"""The bridge itself: one handler per concern, no global state (python-telegram-bot 22).

Privacy rules this file keeps: the raw chat id is only used to reply within the handler and is
never stored or logged; usernames and names are never read; Rasa sees HMAC(secret, chat id);
media is never downloaded or forwarded.

Faults (hazard H08): Rasa down, slow or broken -> the static safety message; a reply that
Telegram fails to take is sent again with backoff (bot.telegram.retry); one chat waiting on
either never holds up another chat (bot.telegram.ordering); polling errors are retried by
python-telegram-bot's updater, start-up errors too (`polling_options`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Optional

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.channels.errors import RasaUnavailable
from bot.channels.forget import ConversationStore
from bot.channels.rasa_client import RasaClient, new_http_session
from bot.channels.rate_limits import KeyedRateLimits
from bot.channels.reply import BotMessage, Reply
from bot.channels.safety_text import SafetyText
from bot.channels.typed_text import clean_typed_text
from bot.telegram import texts
from bot.telegram.callbacks import MAX_KEYBOARDS, ButtonPress, forget_buttons, payload_for
from bot.telegram.ids import sender_id
from bot.telegram.ordering import PerChatOrder
from bot.telegram.render import split_text, to_html
from bot.telegram.retry import Backoff, with_retry
from bot.telegram.settings import Settings

log = logging.getLogger(__name__)

GREET_PAYLOAD = "/greet"
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
# Start-up (getMe, deleteWebhook/setWebhook) is retried until Telegram answers, with
# python-telegram-bot's own backoff (1 s, growing to 30 s): a bridge that exits because Telegram
# was unreachable for a moment would take the whole assistant down with it (bot.serve).
# A bad token still stops it at once (InvalidToken is never retried).
BOOTSTRAP_RETRIES = -1


@dataclass(frozen=True)
class ApiTimeouts:
    """Seconds to wait on the Bot API (python-telegram-bot's defaults). getUpdates waits its
    long-poll time on top of `read_s`."""

    connect_s: float = 5.0
    read_s: float = 5.0
    write_s: float = 5.0
    pool_s: float = 1.0


def polling_options() -> dict[str, Any]:
    """What `python -m bot.telegram` passes to Application.run_polling. getUpdates errors are
    retried by python-telegram-bot's updater (1 s, growing to 30 s; 429s as Telegram asks;
    timeouts at once) and reach the bridge's error handler; an update is confirmed to Telegram
    only after it was fetched, so one that failed to arrive is fetched again, and once."""
    return {"allowed_updates": ALLOWED_UPDATES, "bootstrap_retries": BOOTSTRAP_RETRIES}


def refused_the_formatting(error: BadRequest) -> bool:
    """Telegram's 400 for markup it cannot read ("Bad Request: can't parse entities: ...")."""
    return "parse entities" in str(error).lower()


class PrivateApplication(Application):
    """An Application that does not collect raw chat/user ids for persistence.

    Without persistence, python-telegram-bot 22 still adds every update's chat id and user id to
    sets it would hand to a persistence class, and never empties them: raw ids would pile up in
    memory. This bridge uses no persistence, so nothing is marked (tests/telegram checks)."""

    def _mark_for_persistence_update(self, *, update=None, job=None) -> None:
        if self.persistence is not None:
            super()._mark_for_persistence_update(update=update, job=job)


class TelegramBridge:
    def __init__(self, settings: Settings, text: SafetyText, backoff: Backoff = Backoff()) -> None:
        self.settings = settings
        self.text = text
        self.backoff = backoff  # for sendMessage (bot.telegram.retry)
        self.limits = KeyedRateLimits(settings.rate_limit)  # RATE_LIMIT, per conversation
        self.rasa: Optional[RasaClient] = None
        self.conversations: Optional[ConversationStore] = None
        self._http = None

    # --- lifecycle (post_init / post_shutdown) ---------------------------------------------
    async def start(self, application: Application) -> None:
        self._http = new_http_session()
        self.rasa = RasaClient(
            self._http,
            self.settings.rasa_url,
            self.settings.action_server_url,
            self.settings.rasa_timeout_s,
            routing=self.settings.rasa_routing,
        )
        cache = application.bot.callback_data_cache
        self.conversations = ConversationStore(
            self.rasa, local=[lambda sender: forget_buttons(cache, sender)]
        )

    async def stop(self, application: Application) -> None:
        if self.rasa is not None:
            self.rasa.close()
        if self._http is not None:
            await self._http.close()

    # --- helpers ----------------------------------------------------------------------------
    def _sender(self, update: Update) -> str:
        return sender_id(self.settings.sender_id_secret, update.effective_chat.id)

    async def _ask_rasa(self, sender: str, message: str) -> Reply:
        assert self.rasa is not None
        try:
            return await self.rasa.send(sender, message)
        except RasaUnavailable as error:
            log.warning("telegram: sending the safety message instead of a reply (%s)", error)
            return Reply((BotMessage(self.text.fallback),))

    async def _send(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, sender: str, reply: Reply
    ) -> None:
        chat_id = update.effective_chat.id
        for index, message in enumerate(reply.messages):
            markup = None
            if message.buttons:
                markup = InlineKeyboardMarkup(
                    [
                        [InlineKeyboardButton(b.title, callback_data=ButtonPress(sender, b.payload))]
                        for b in message.buttons
                    ]
                )
            pieces = split_text(message.text or "…")
            for number, piece in enumerate(pieces):
                last_markup = markup if number == len(pieces) - 1 else None
                try:
                    await with_retry(
                        lambda: context.bot.send_message(
                            chat_id=chat_id,
                            text=to_html(
                                piece, bold_first_line=bool(reply.urgency) and index == 0 and number == 0
                            ),
                            parse_mode=ParseMode.HTML,
                            reply_markup=last_markup,
                            link_preview_options=NO_PREVIEW,
                        ),
                        self.backoff,
                        "sendMessage",
                    )
                except BadRequest as error:
                    if not refused_the_formatting(error):
                        raise
                    # Telegram could not parse the HTML: the words must still arrive, 999 above
                    # all, so they go again as plain text.
                    await with_retry(
                        lambda: context.bot.send_message(
                            chat_id=chat_id,
                            text=piece,
                            reply_markup=last_markup,
                            link_preview_options=NO_PREVIEW,
                        ),
                        self.backoff,
                        "sendMessage (plain text)",
                    )

    async def _say(self, update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
        await self._send(update, context, "", Reply((BotMessage(text),)))

    async def _forward(self, update: Update, context: ContextTypes.DEFAULT_TYPE, message: str) -> None:
        sender = self._sender(update)
        if not self.limits.allow(sender):
            await self._say(update, context, self.text.rate_limited)
            return
        try:
            await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
        except TelegramError:
            pass  # only a courtesy; the answer matters
        await self._send(update, context, sender, await self._ask_rasa(sender, message))

    # --- handlers ---------------------------------------------------------------------------
    async def on_start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/start greets; words typed after it ("/start hes outside") are read instead, since
        they may be urgent and the reply to them then names the emergency number first. Then
        what Telegram keeps."""
        if not await self._read_words_after_command(update, context):
            await self._forward(update, context, GREET_PAYLOAD)
        await self._say(update, context, texts.START_NOTE)

    async def on_help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._read_words_after_command(update, context)  # "/help hes outside": urgent first
        await self._say(update, context, texts.help_text(self.text))

    async def on_privacy(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._read_words_after_command(update, context)
        await self._say(update, context, texts.privacy_text(self.text))

    async def _read_words_after_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
        """Forward the words typed after a /command, if any; True when there were some."""
        words = " ".join(context.args or [])
        if not clean_typed_text(words):
            return False
        await self._read_typed(update, context, words)
        return True

    async def on_forget(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert self.conversations is not None
        forgotten = await self.conversations.forget(self._sender(update))
        done = texts.FORGET_DONE if forgotten else texts.FORGET_FAILED
        await self._say(update, context, f"{done}\n\n{texts.DELETE_ON_PHONE}")

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Typed text, new or edited (and unknown /commands, read as words so the risk stage sees
        them): an edit can be the first time someone dares to say what is happening."""
        await self._read_typed(update, context, update.effective_message.text or "")

    async def _read_typed(self, update: Update, context: ContextTypes.DEFAULT_TYPE, message: str) -> None:
        if len(message) > self.settings.max_message_chars:
            await self._say(update, context, self.text.too_long(self.settings.max_message_chars))
            return
        text = clean_typed_text(message)
        if text:
            await self._forward(update, context, text)
        else:  # only slashes or blanks: never silence; the help names 999 and Childline
            await self._say(update, context, texts.help_text(self.text))

    async def on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        try:
            await query.answer()  # every callback is answered, or the button keeps spinning
        except TelegramError as error:  # a courtesy: the reply below is what matters
            log.warning("telegram: answerCallbackQuery failed (%s)", type(error).__name__)
        if update.effective_chat is None:  # the message with the button is gone
            return
        # python-telegram-bot put back the ButtonPress this button was built with, or an
        # InvalidCallbackData for a press it cannot match (see bot.telegram.callbacks)
        payload = payload_for(self._sender(update), query.data)
        if payload is None:
            await self._say(update, context, self.text.button_expired)
            return
        if query.message is not None:
            try:
                await query.edit_message_reply_markup(reply_markup=None)  # no double taps
            except TelegramError as error:
                log.warning("telegram: editMessageReplyMarkup failed (%s)", type(error).__name__)
        await self._forward(update, context, payload)

    async def on_not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Photos, voice, stickers, locations, contacts, files: not opened, kept or forwarded. A
        caption is words the person typed ("says hes coming round tonight"), so it is read like
        a message, first; then the note that only text is read."""
        caption = update.effective_message.caption if update.effective_message else None
        if caption and clean_typed_text(caption):
            await self._read_typed(update, context, caption)
        await self._say(update, context, self.text.only_text)

    async def on_group(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_message is not None and update.effective_message.text:
            if update.effective_message.text.startswith("/start"):
                await self._say(update, context, texts.PRIVATE_CHATS_ONLY)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # The kind of error only: an exception's text or the update could hold a message or id.
        if update is None:  # run_polling hands getUpdates errors here; the updater retries
            log.warning("telegram: fetching updates failed (%s); retrying", type(context.error).__name__)
        else:
            log.error("telegram: a handler failed (%s)", type(context.error).__name__)


def build_application(
    settings: Settings,
    text: SafetyText,
    bridge: Optional[TelegramBridge] = None,
    timeouts: ApiTimeouts = ApiTimeouts(),
) -> Application:
    if not settings.telegram_bot_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    bridge = bridge or TelegramBridge(settings, text)
    base = settings.telegram_api_base_url
    secret = settings.sender_id_secret
    application = (
        ApplicationBuilder()
        .application_class(PrivateApplication)
        .arbitrary_callback_data(MAX_KEYBOARDS)
        .token(settings.telegram_bot_token)
        .base_url(f"{base}/bot")
        .base_file_url(f"{base}/file/bot")
        .concurrent_updates(PerChatOrder(lambda chat_id: sender_id(secret, chat_id)))
        .connect_timeout(timeouts.connect_s)
        .read_timeout(timeouts.read_s)
        .write_timeout(timeouts.write_s)
        .pool_timeout(timeouts.pool_s)
        .get_updates_connect_timeout(timeouts.connect_s)
        .get_updates_read_timeout(timeouts.read_s)
        .get_updates_write_timeout(timeouts.write_s)
        .get_updates_pool_timeout(timeouts.pool_s)
        .post_init(bridge.start)
        .post_shutdown(bridge.stop)
        .build()
    )
    private = filters.ChatType.PRIVATE
    application.add_handler(CommandHandler("start", bridge.on_start, filters=private))
    application.add_handler(CommandHandler("help", bridge.on_help, filters=private))
    application.add_handler(CommandHandler("privacy", bridge.on_privacy, filters=private))
    application.add_handler(CommandHandler("forget", bridge.on_forget, filters=private))
    application.add_handler(MessageHandler(private & filters.TEXT, bridge.on_text))
    # new and edited messages alike (UpdateType.MESSAGES): an edited caption is read too
    application.add_handler(
        MessageHandler(private & ~filters.TEXT & filters.UpdateType.MESSAGES, bridge.on_not_text)
    )
    application.add_handler(CallbackQueryHandler(bridge.on_callback))
    application.add_handler(MessageHandler(~private, bridge.on_group))
    application.add_error_handler(bridge.on_error)
    return application
