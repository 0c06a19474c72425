"""Every class Rasa loads by name, and where it is named:

    config.yml, pipeline (NLU components)
        location_extractor.LocationExtractor      borough entity (bot.directory.location)
        age_extractor.AgeExtractor                age_band entity (bot.nlu.age_parsing)
        trusted_adult_speaker.TrustedAdultSpeaker speaker entity (bot.conversation.trusted_adults)
        disclosure_fallback.DisclosureFallback    an unsure disclosure answered as one
        safety_net.SafetyNet                      the risk stage on every message (bot.safety)
    config.yml, policies
        danger_question_policy.DangerQuestionPolicy  after "are you in danger?" (bot.safety.danger_answer)
        trusted_adult_policy.TrustedAdultPolicy      a trusted adult's turns
        topic_policy.TopicFollowUpPolicy             follow-ups come back to the disclosure
        (single_action_policy.SingleActionPolicy: the base of every policy of ours)
    endpoints.yml and deploy/endpoints.*.yml
        directory_nlg.DirectoryNLG                 responses with directory facts (bot.nlg)
        tracker_store.ExpiringInMemoryTrackerStore conversations in memory, deleted when idle
        sql_tracker_store.ExpiringSQLTrackerStore  the same in SQLite / PostgreSQL
        lock_store.AtomicRedisLockStore            the scaled profile's lock store
    credentials.yml
        rest_input.GuardedRestInput                Rasa's REST input, refusing unknown payloads

The decisions they make live in the rooms named in brackets; these modules are what Rasa sees.
Moving or renaming one changes the class path a trained model stores: retrain (`make train`).

Importing this package installs every patch of Rasa's internals (bot.rasa_patches.install_all),
so any process that loads one of these classes runs with them, and `python -m bot.rasa_plugins`
(Rasa's command line, as every stack starts it) has them before Rasa's `main()`.
"""

from bot.rasa_patches import install_all

install_all()
