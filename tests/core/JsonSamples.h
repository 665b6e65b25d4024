// Sample values of the core types and helpers shared by the JSON tests (tst_json, tst_commandargs): realistic
// German data, one command of every kind, a parse per type that reports failure as an Error, and the
// mutations of the fuzz loop.
#pragma once

#include "core/Case.h"
#include "core/Command.h"
#include "core/DocumentRef.h"
#include "core/Note.h"
#include "core/Party.h"
#include "core/Result.h"
#include "core/Team.h"
#include "core/User.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringView>
#include <QUuid>

#include <functional>
#include <optional>

namespace casedesk::test {

QUuid id(const char16_t *text);

extern const QUuid caseId;
extern const QUuid teamId;
extern const QUuid clerkId;

QDateTime berlin(int year, int month, int day, int hour, int minute, int ms = 0);

Party person();
Party organisation();
Case fullCase();
Case provisionalCase();
Note sampleNote();
DocumentRef sampleDocument();
// The sample with a size a document may have (the sample's is beyond 32 bits, beyond the limit).
DocumentRef attachableDocument();
User sampleUser();
Team sampleTeam();

// A command on caseId with a fixed envelope.
Command command(CommandName name, const QJsonObject &args);
QJsonObject fieldEdit(const QJsonValue &oldValue, const QJsonValue &newValue);
// One command of each kind, in CommandName order.
QList<Command> sampleCommands();

// One entry per type: its JSON samples and a parse that reports failure as an Error. For a value that parsed,
// `unstable` says why it does not survive toJson -> fromJson unchanged (the fuzz loop's property).
struct Codec {
    QString type;
    QList<QJsonObject> samples;
    std::function<std::optional<Error>(const QJsonObject &, QString *unstable)> parse;
};

QList<Codec> codecs();
Codec codec(const QString &type);

// Sets (or with an undefined value removes) the value at a dotted path of nested objects.
QJsonObject withValue(QJsonObject json, QStringView path, const QJsonValue &value);

// Fuzzing: replaces, removes or adds something somewhere inside `value` ...
void mutate(QJsonValue &value, QRandomGenerator &rng);
// ... or damages the serialised text at byte level: what arrives over a broken connection or from a bad peer.
QJsonObject damagedText(const QJsonObject &json, QRandomGenerator &rng);

} // namespace casedesk::test
