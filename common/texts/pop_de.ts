<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AttachmentsScreen</name>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="86"/>
        <source>The page is not wholly in the picture: move it towards the middle.</source>
        <translation>Die Seite ist nicht ganz im Bild: Schieben Sie sie zur Mitte.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="88"/>
        <source>Place the page under the camera, on a dark surface if you can.</source>
        <translation>Legen Sie die Seite unter die Kamera, am besten auf einen dunklen Untergrund.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="90"/>
        <source>The picture is blurred: please hold the page still.</source>
        <translation>Das Bild ist unscharf: Halten Sie die Seite bitte ruhig.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="83"/>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="92"/>
        <source>The picture is too dark.</source>
        <translation>Das Bild ist zu dunkel.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="84"/>
        <source>The picture is blurred: please hold still.</source>
        <translation>Das Bild ist unscharf: Bitte halten Sie still.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="94"/>
        <source>Light is reflected on the page: tilt it a little.</source>
        <translation>Licht spiegelt sich auf der Seite: Kippen Sie sie etwas.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="95"/>
        <source>Page found: you can take the photo.</source>
        <translation>Seite erkannt: Sie können das Foto aufnehmen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="102"/>
        <source>Taking photo …</source>
        <translation>Foto wird aufgenommen …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="102"/>
        <source>Take photo</source>
        <translation>Foto aufnehmen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="110"/>
        <source>%1 of at most %2 photos</source>
        <translation>%1 von höchstens %2 Fotos</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="119"/>
        <source>Demo:</source>
        <translation>Demo:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="122"/>
        <source>Hold up a page</source>
        <translation>Seite vorhalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="128"/>
        <source>Show the street</source>
        <translation>Straße zeigen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="136"/>
        <source>The camera is not working right now. You can send without a photo if the service allows it, or talk to a clerk.</source>
        <translation>Die Kamera funktioniert gerade nicht. Sie können ohne Foto senden, wenn der Dienst das erlaubt, oder mit einer Mitarbeiterin oder einem Mitarbeiter sprechen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="142"/>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="208"/>
        <source>At least %n photo(s) needed.</source>
        <translation>
            <numerusform>Mindestens %n Foto ist nötig.</numerusform>
            <numerusform>Mindestens %n Fotos sind nötig.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="166"/>
        <source>Photo %1</source>
        <translation>Foto %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="183"/>
        <source>Page cut off: take it again?</source>
        <translation>Seite abgeschnitten: noch einmal aufnehmen?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="184"/>
        <source>Blurred: take it again?</source>
        <translation>Unscharf: noch einmal aufnehmen?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="185"/>
        <source>Too dark: take it again?</source>
        <translation>Zu dunkel: noch einmal aufnehmen?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="186"/>
        <source>Reflection: take it again?</source>
        <translation>Spiegelung: noch einmal aufnehmen?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="191"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="240"/>
        <source>Remove and take again</source>
        <translation>Entfernen und neu aufnehmen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="248"/>
        <source>Back to the photos</source>
        <translation>Zurück zu den Fotos</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="33"/>
        <source>Offline — %n application(s) waiting, they will be sent automatically</source>
        <translation>
            <numerusform>Offline – %n Antrag wartet, er wird automatisch gesendet</numerusform>
            <numerusform>Offline – %n Anträge warten, sie werden automatisch gesendet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="70"/>
        <source>Report problems, apply, make appointments – and talk to a clerk by video.</source>
        <translation>Mängel melden, Anträge stellen, Termine anfragen – und per Video mit dem Rathaus sprechen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="79"/>
        <source>Touch here to start</source>
        <translation>Hier berühren, um zu beginnen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="92"/>
        <source>Talk to the town hall</source>
        <translation>Mit dem Rathaus sprechen</translation>
    </message>
</context>
<context>
    <name>CallDock</name>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="65"/>
        <source>Reconnecting …</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="66"/>
        <source>● Camera on</source>
        <translation>● Kamera an</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="66"/>
        <source>Camera off</source>
        <translation>Kamera aus</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="77"/>
        <source>Microphone off</source>
        <translation>Mikrofon aus</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="93"/>
        <source>The town hall asks for a photo of your ID.</source>
        <translation>Das Rathaus bittet um ein Foto Ihres Ausweises.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="95"/>
        <source>The town hall suggests something for your form.</source>
        <translation>Das Rathaus schlägt etwas für Ihr Formular vor.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/CallDock.qml" line="97"/>
        <source>%n new message(s) from the town hall.</source>
        <translation>
            <numerusform>%n neue Nachricht vom Rathaus.</numerusform>
            <numerusform>%n neue Nachrichten vom Rathaus.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="100"/>
        <source>The printer could not print “%1”.</source>
        <translation>Der Drucker konnte „%1“ nicht drucken.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="101"/>
        <source>Printing “%1” …</source>
        <translation>„%1“ wird gedruckt …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="102"/>
        <source>Please take “%1” from the printer.</source>
        <translation>Bitte nehmen Sie „%1“ aus dem Drucker.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="109"/>
        <source>Show the call</source>
        <translation>Gespräch groß zeigen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="120"/>
        <source>Microphone on</source>
        <comment>button: turns it on</comment>
        <translation>Mikrofon einschalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="120"/>
        <source>Microphone off</source>
        <comment>button: turns it off</comment>
        <translation>Mikrofon ausschalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="126"/>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
</context>
<context>
    <name>CallOverlay</name>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="59"/>
        <source>Call back</source>
        <translation>Rückruf</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="60"/>
        <source>Talk to a clerk</source>
        <translation>Mit dem Rathaus sprechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="61"/>
        <source>The call has ended</source>
        <translation>Das Gespräch ist beendet</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="62"/>
        <source>Talk to the town hall</source>
        <translation>Mit dem Rathaus sprechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="70"/>
        <source>A clerk of the town hall will see and hear you, and see the form you are filling in (and the photo from your ID card, if it was read). Your camera and microphone are switched on for the call. Nothing is recorded.</source>
        <translation>Eine Mitarbeiterin oder ein Mitarbeiter des Rathauses sieht und hört Sie und sieht das Formular, das Sie ausfüllen (und das Foto aus Ihrem Ausweis, wenn er gelesen wurde). Für das Gespräch werden Ihre Kamera und Ihr Mikrofon eingeschaltet. Nichts wird aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="72"/>
        <source>Connecting to the town hall …</source>
        <translation>Verbindung zum Rathaus wird aufgebaut …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="75"/>
        <source>Nobody at the town hall can take your call right now. You can ask to be called back, or wait.</source>
        <translation>Im Moment kann niemand im Rathaus Ihren Anruf annehmen. Sie können um einen Rückruf bitten oder warten.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="77"/>
        <source>You are next.</source>
        <translation>Sie sind als Nächstes dran.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="78"/>
        <source>You are number %1 in the queue.</source>
        <translation>Sie sind Nummer %1 in der Warteschlange.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="80"/>
        <source>The town hall will call you back. Please give your phone number and what it is about.</source>
        <translation>Das Rathaus ruft Sie zurück. Bitte nennen Sie Ihre Telefonnummer und Ihr Anliegen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="82"/>
        <source>Thank you. The town hall will call you back. Your tracking number:</source>
        <translation>Vielen Dank. Das Rathaus ruft Sie zurück. Ihre Vorgangsnummer:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="84"/>
        <source>%1 is taking your call …</source>
        <translation>%1 nimmt Ihren Anruf an …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="86"/>
        <source>The connection was interrupted. Reconnecting you to %1 …</source>
        <translation>Die Verbindung ist unterbrochen. Sie werden wieder mit %1 verbunden …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="89"/>
        <source>Nobody at the town hall could take your call in time. Your entries are kept.</source>
        <translation>Im Rathaus konnte niemand Ihren Anruf rechtzeitig annehmen. Ihre Eingaben bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="91"/>
        <source>The connection was lost. Your entries are kept.</source>
        <translation>Die Verbindung ist abgebrochen. Ihre Eingaben bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="92"/>
        <source>Your entries are kept. You can carry on where you were.</source>
        <translation>Ihre Eingaben bleiben erhalten. Sie können dort weitermachen, wo Sie waren.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="95"/>
        <source>The town hall has too many calls right now.</source>
        <translation>Im Rathaus sind gerade zu viele Anrufe.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="97"/>
        <source>Video calls are not possible from this terminal.</source>
        <translation>Von diesem Terminal sind keine Videogespräche möglich.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="98"/>
        <source>The town hall cannot be reached right now.</source>
        <translation>Das Rathaus ist gerade nicht erreichbar.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/CallOverlay.qml" line="118"/>
        <source>Estimated wait: about %n minute(s).</source>
        <translation>
            <numerusform>Geschätzte Wartezeit: etwa %n Minute.</numerusform>
            <numerusform>Geschätzte Wartezeit: etwa %n Minuten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="119"/>
        <source>A clerk will be with you shortly.</source>
        <translation>Gleich ist jemand für Sie da.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="134"/>
        <source>Hours: %1</source>
        <translation>Erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="190"/>
        <source>Your request could not be stored. Please try again.</source>
        <translation>Ihre Bitte konnte nicht gespeichert werden. Bitte versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="202"/>
        <source>Ask for a call back</source>
        <translation>Um Rückruf bitten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="210"/>
        <source>Send the request</source>
        <translation>Rückruf anfordern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="218"/>
        <source>Start the call</source>
        <translation>Gespräch beginnen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="227"/>
        <source>Cancel the call</source>
        <translation>Anruf abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="238"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="238"/>
        <source>Back to where I was</source>
        <translation>Zurück zu meinem Antrag</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="341"/>
        <source>The camera gave no picture. Please try again.</source>
        <translation>Die Kamera hat kein Bild geliefert. Bitte versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="342"/>
        <source>The town hall asks for a photo of your ID card or passport. Hold the side with your photo to the camera, then send it. It goes only to the clerk and is not stored.</source>
        <translation>Das Rathaus bittet um ein Foto Ihres Personalausweises oder Reisepasses. Halten Sie die Seite mit Ihrem Foto vor die Kamera und senden Sie es dann. Es geht nur an die Sachbearbeitung und wird nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="349"/>
        <source>Demo: hold up the sample passport</source>
        <translation>Demo: Muster-Reisepass vorhalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="358"/>
        <source>Sending …</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="358"/>
        <source>Send the photo</source>
        <translation>Foto senden</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="366"/>
        <source>Do not send</source>
        <translation>Nicht senden</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="378"/>
        <source>✓ The photo of your ID has been sent to the town hall.</source>
        <translation>✓ Das Foto Ihres Ausweises wurde an das Rathaus gesendet.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="386"/>
        <source>The sound is not working at this terminal. Please write to the town hall below; they can still see you.</source>
        <translation>Der Ton geht an diesem Terminal gerade nicht. Bitte schreiben Sie dem Rathaus unten – man sieht Sie weiterhin.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="394"/>
        <source>✓ The town hall has confirmed who you are. It goes with your application.</source>
        <translation>✓ Das Rathaus hat bestätigt, wer Sie sind. Das geht mit Ihrem Antrag mit.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="426"/>
        <source>The town hall suggests for “%1”: %2</source>
        <translation>Das Rathaus schlägt für „%1“ vor: %2</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="427"/>
        <source>The town hall suggests for “%1”: %2 (now: %3)</source>
        <translation>Das Rathaus schlägt für „%1“ vor: %2 (bisher: %3)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="433"/>
        <source>Take it</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="438"/>
        <source>Keep mine</source>
        <translation>Meins behalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="460"/>
        <source>The printer could not print “%1”. The clerk has been told.</source>
        <translation>Der Drucker konnte „%1“ nicht drucken. Das Rathaus weiß Bescheid.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="462"/>
        <source>The town hall is printing “%1” for you …</source>
        <translation>Das Rathaus druckt „%1“ für Sie …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="463"/>
        <source>Please take “%1” from the printer.</source>
        <translation>Bitte nehmen Sie „%1“ aus dem Drucker.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="472"/>
        <source>● Camera on</source>
        <translation>● Kamera an</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="472"/>
        <source>Camera off</source>
        <translation>Kamera aus</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="481"/>
        <source>Microphone on</source>
        <comment>button: turns it on</comment>
        <translation>Mikrofon einschalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="481"/>
        <source>Microphone off</source>
        <comment>button: turns it off</comment>
        <translation>Mikrofon ausschalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="486"/>
        <source>Camera off</source>
        <comment>button: turns it off</comment>
        <translation>Kamera ausschalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="486"/>
        <source>Camera on</source>
        <comment>button: turns it on</comment>
        <translation>Kamera einschalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="492"/>
        <source>Make the call small</source>
        <translation>Gespräch verkleinern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="497"/>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="510"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="530"/>
        <source>You: </source>
        <translation>Sie: </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="530"/>
        <source>Town hall: </source>
        <translation>Rathaus: </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="538"/>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="540"/>
        <source>Write a message</source>
        <translation>Nachricht schreiben</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="550"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="38"/>
        <source>Your tracking number:</source>
        <translation>Ihre Vorgangsnummer:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="34"/>
        <source>Thank you! Your application has arrived at the town hall.</source>
        <translation>Vielen Dank! Ihr Antrag ist im Rathaus angekommen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="35"/>
        <source>Thank you! Your application is stored safely.</source>
        <translation>Vielen Dank! Ihr Antrag ist sicher gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="70"/>
        <source>The town hall also sends your receipt to your e-mail address.</source>
        <translation>Das Rathaus schickt Ihnen die Quittung außerdem an Ihre E-Mail-Adresse.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="76"/>
        <source>This page closes in %n second(s). Touch the screen if you need more time.</source>
        <translation>
            <numerusform>Diese Seite schließt sich in %n Sekunde. Tippen Sie auf den Bildschirm, wenn Sie mehr Zeit brauchen.</numerusform>
            <numerusform>Diese Seite schließt sich in %n Sekunden. Tippen Sie auf den Bildschirm, wenn Sie mehr Zeit brauchen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="87"/>
        <source>Try printing again</source>
        <translation>Erneut drucken</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="94"/>
        <source>Read the receipt aloud</source>
        <translation>Quittung vorlesen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="99"/>
        <source>Finish</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="123"/>
        <source>Your receipt</source>
        <translation>Ihre Quittung</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="149"/>
        <source>Take a photo of this with your phone. The QR code shows the status of your application.</source>
        <translation>Bitte fotografieren Sie dies mit Ihrem Handy. Der QR-Code zeigt den Stand Ihres Antrags.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="95"/>
        <source>From your ID card</source>
        <translation>Aus Ihrem Ausweis</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="144"/>
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="176"/>
        <source>Plus sign</source>
        <translation>Pluszeichen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="201"/>
        <source>Scan the QR code on the receipt</source>
        <translation>QR-Code der Quittung scannen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="238"/>
        <source>Hold the QR code on your receipt in front of the camera.</source>
        <translation>Halten Sie den QR-Code Ihrer Quittung vor die Kamera.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="243"/>
        <source>Type the number instead</source>
        <translation>Doch lieber eintippen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="211"/>
        <source>This QR code is not from a receipt of this town hall. Please hold the QR code on your receipt in front of the camera, or type the number.</source>
        <translation>Dieser QR-Code stammt nicht von einer Quittung dieses Rathauses. Halten Sie bitte den QR-Code Ihrer Quittung vor die Kamera oder tippen Sie die Nummer ein.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="75"/>
        <source>Added by the town hall</source>
        <translation>Vom Rathaus ergänzt</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="213"/>
        <source>No receipt was recognised. You can try again or type the number.</source>
        <translation>Es wurde keine Quittung erkannt. Versuchen Sie es noch einmal oder tippen Sie die Nummer ein.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="215"/>
        <source>The camera is not available right now. Please type the number.</source>
        <translation>Die Kamera ist gerade nicht verfügbar. Bitte tippen Sie die Nummer ein.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="251"/>
        <source>Demo:</source>
        <translation>Demo:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="254"/>
        <source>Hold up the receipt</source>
        <translation>Quittung vorhalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="260"/>
        <source>Hold up another QR code</source>
        <translation>Anderen QR-Code vorhalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="325"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="336"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="369"/>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="370"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="371"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="372"/>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../ui/qml/screens/FormScreen.qml" line="74"/>
        <source>%1 · step %2 of %3</source>
        <translation>%1 · Schritt %2 von %3</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/FormScreen.qml" line="85"/>
        <source>Please look at the fields marked in red.</source>
        <translation>Bitte sehen Sie sich die rot markierten Felder an.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/qml/screens/HomeScreen.qml" line="62"/>
        <source>What can we do for you?</source>
        <translation>Was können wir für Sie tun?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/HomeScreen.qml" line="70"/>
        <source>The town hall describes its services in %1 only. You can still use them; the buttons and help are in your language.</source>
        <translation>Das Rathaus beschreibt seine Angebote nur auf %1. Sie können sie trotzdem nutzen; Knöpfe und Hilfe sind in Ihrer Sprache.</translation>
    </message>
</context>
<context>
    <name>IdentifyModel</name>
    <message>
        <location filename="../../ui/models/identify.py" line="75"/>
        <source>The card reader is not working right now. Please talk to a clerk, or choose another service.</source>
        <translation>Das Lesegerät funktioniert gerade nicht. Bitte sprechen Sie mit dem Rathaus oder wählen Sie einen anderen Dienst.</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="79"/>
        <source>Reading your card … please leave it on the reader.</source>
        <translation>Ihr Ausweis wird gelesen … bitte liegen lassen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="82"/>
        <source>Your card is on the reader. To open its chip, please enter the number printed on it.</source>
        <translation>Ihre Karte liegt auf dem Lesegerät. Um den Chip zu öffnen, geben Sie bitte die aufgedruckte Nummer ein.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="85"/>
        <source>Your card has been read. Is this you?</source>
        <translation>Ihre Karte wurde gelesen. Sind das Sie?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="86"/>
        <source>That did not work.</source>
        <translation>Das hat nicht geklappt.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="87"/>
        <source>The card reader is not available.</source>
        <translation>Das Lesegerät ist nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="88"/>
        <source>The card reader is below the screen, marked with the card symbol. Lay the card flat on it.</source>
        <translation>Das Lesegerät ist unter dem Bildschirm, mit dem Kartensymbol markiert. Legen Sie den Ausweis flach darauf.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="106"/>
        <source>Your data is read from the chip only to fill in this form. It is deleted from the terminal when you are done.</source>
        <translation>Ihre Daten werden nur gelesen, um dieses Formular auszufüllen. Sie werden vom Terminal gelöscht, wenn Sie fertig sind.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="171"/>
        <source>Access number (CAN): the six digits at the bottom right of the front of your ID card.</source>
        <translation>Zugangsnummer (CAN): die sechs Ziffern unten rechts auf der Vorderseite Ihres Ausweises.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="61"/>
        <source>Please place your ID card or passport on the reader</source>
        <translation>Bitte legen Sie Ihren Ausweis oder Reisepass auf das Lesegerät</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="78"/>
        <source>Reading your passport or ID card … please leave it on the reader.</source>
        <translation>Ihr Pass oder Ausweis wird gelesen … bitte lassen Sie ihn auf dem Lesegerät liegen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="81"/>
        <source>Your passport or ID card is on the reader. To open its chip, please enter three values printed on it.</source>
        <translation>Ihr Pass oder Ausweis liegt auf dem Lesegerät. Um den Chip zu öffnen, geben Sie bitte drei Angaben ein, die darauf gedruckt sind.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="84"/>
        <source>Your passport or ID card has been read. Is this you?</source>
        <translation>Ihr Pass oder Ausweis wurde gelesen. Sind das Sie?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="172"/>
        <source>On the photo page of your passport (on an ID card: its back), also in the lines of letters at the bottom: the document number, your date of birth and the date of expiry.</source>
        <translation>Auf der Seite mit Ihrem Foto im Pass (beim Ausweis: auf der Rückseite), auch in den Buchstabenzeilen unten: die Pass- oder Ausweisnummer, Ihr Geburtsdatum und das Ablaufdatum.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="202"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="219"/>
        <source>Access number (6 digits)</source>
        <translation>Zugangsnummer (6 Ziffern)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="206"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="231"/>
        <source>Passport or card number</source>
        <translation>Pass- oder Ausweisnummer</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="207"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="244"/>
        <source>Date of birth (DD.MM.YYYY)</source>
        <translation>Geburtsdatum (TT.MM.JJJJ)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="208"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="246"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="259"/>
        <source>Valid until (DD.MM.YYYY)</source>
        <translation>Gültig bis (TT.MM.JJJJ)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="263"/>
        <source>Open the chip</source>
        <translation>Chip öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="272"/>
        <source>No number on my card</source>
        <translation>Keine Nummer auf meiner Karte</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="280"/>
        <source>Read the photo page with the camera</source>
        <translation>Passseite mit der Kamera lesen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="290"/>
        <source>The lines of letters could not be read. Try again, or type the three values.</source>
        <translation>Die Zeilen mit den Buchstaben konnten nicht gelesen werden. Versuchen Sie es noch einmal oder tippen Sie die drei Angaben ein.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="292"/>
        <source>The camera is not available right now. Please type the three values.</source>
        <translation>Die Kamera ist gerade nicht verfügbar. Bitte tippen Sie die drei Angaben ein.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="312"/>
        <source>Hold the photo page of your passport under the camera, with the lines of letters at the bottom fully in view.</source>
        <translation>Halten Sie die Seite mit Ihrem Foto unter die Kamera, sodass die Zeilen mit den Buchstaben unten ganz zu sehen sind.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="317"/>
        <source>Type the values instead</source>
        <translation>Doch lieber eintippen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="323"/>
        <source>Demo: hold up the sample passport</source>
        <translation>Demo: Muster-Reisepass vorhalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="350"/>
        <source>Born on %1</source>
        <translation>Geboren am %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="353"/>
        <source>Yes, that is me</source>
        <translation>Ja, das bin ich</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="354"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="371"/>
        <source>Demo: place a sample card on the simulated reader</source>
        <translation>Demo: Musterausweis auf das simulierte Lesegerät legen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="381"/>
        <source>Sample ID card (Erika Mustermann)</source>
        <translation>Musterausweis (Erika Mustermann)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="382"/>
        <source>Sample passport (Anna Maria Eriksson)</source>
        <translation>Muster-Reisepass (Anna Maria Eriksson)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="383"/>
        <source>Damaged card</source>
        <translation>Beschädigte Karte</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="399"/>
        <source>Continue without ID card</source>
        <translation>Ohne Ausweis weiter</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="20"/>
        <source>the street</source>
        <translation>die Straße</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="21"/>
        <source>the house number</source>
        <translation>die Hausnummer</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="22"/>
        <source>the postcode</source>
        <translation>die Postleitzahl</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="23"/>
        <source>the town</source>
        <translation>den Ort</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>Please fill in this field.</source>
        <translation>Bitte füllen Sie dieses Feld aus.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>Please write at least %1 characters.</source>
        <translation>Bitte schreiben Sie mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>Please write at most %1 characters.</source>
        <translation>Bitte schreiben Sie höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <location filename="../../ui/messages.py" line="90"/>
        <source>This does not look right. Please check it.</source>
        <translation>Das sieht nicht richtig aus. Bitte prüfen Sie die Eingabe.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <source>Please enter a number, for example 2 or 2,5.</source>
        <translation>Bitte geben Sie eine Zahl ein, zum Beispiel 2 oder 2,5.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>Please enter at least %1.</source>
        <translation>Bitte geben Sie mindestens %1 ein.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54"/>
        <source>Please enter at most %1.</source>
        <translation>Bitte geben Sie höchstens %1 ein.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>Please enter a date like 24.12.2026 (day.month.year).</source>
        <translation>Bitte geben Sie ein Datum wie 24.12.2026 ein (Tag.Monat.Jahr).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62"/>
        <source>The date cannot be before %1.</source>
        <translation>Das Datum darf nicht vor dem %1 liegen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>The date cannot be after %1.</source>
        <translation>Das Datum darf nicht nach dem %1 liegen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>This is not an email address. It looks like name@example.de.</source>
        <translation>Das ist keine E-Mail-Adresse. Sie sieht so aus: name@beispiel.de.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>Please enter a phone number with digits only, for example 0221 123456.</source>
        <translation>Bitte geben Sie eine Telefonnummer nur mit Ziffern ein, zum Beispiel 0221 123456.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78"/>
        <source>A postcode has five digits, for example 51147.</source>
        <translation>Eine Postleitzahl hat fünf Ziffern, zum Beispiel 51147.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82"/>
        <source>The tracking number looks like 7K3M-Q9XD-2AF8. Please check it.</source>
        <translation>Die Vorgangsnummer sieht so aus: 7K3M-Q9XD-2AF8. Bitte prüfen Sie sie.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="96"/>
        <source>Your ID card or passport could not be read. Please take it off, then place it flat on the reader again.</source>
        <translation>Ihr Ausweis oder Pass konnte nicht gelesen werden. Bitte nehmen Sie ihn ab und legen Sie ihn wieder flach auf das Lesegerät.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107"/>
        <source>Your ID card or passport was taken off too early. Please place it again and leave it until you hear the tone.</source>
        <translation>Ihr Ausweis oder Pass wurde zu früh abgenommen. Bitte legen Sie ihn wieder auf und lassen Sie ihn liegen, bis Sie den Ton hören.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>This card gives its data only to the online ID function, which this terminal does not offer yet. Please use your passport, or talk to a clerk.</source>
        <translation>Diese Karte gibt ihre Daten nur an die Online-Ausweisfunktion heraus, die dieses Terminal noch nicht anbietet. Bitte nutzen Sie Ihren Reisepass oder sprechen Sie mit dem Rathaus.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135"/>
        <source>The chip of this document could not prove that it is genuine, so this terminal cannot use it. Please talk to a clerk.</source>
        <translation>Der Chip dieses Dokuments konnte nicht nachweisen, dass er echt ist. Deshalb kann dieses Terminal ihn nicht verwenden. Bitte sprechen Sie mit dem Rathaus.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="143"/>
        <source>The data on this document&apos;s chip could not be checked, so this terminal cannot use it. Please place it again, or use another ID card or passport.</source>
        <translation>Die Daten auf dem Chip dieses Dokuments lassen sich nicht prüfen. Deshalb kann dieses Terminal es nicht verwenden. Bitte legen Sie es noch einmal auf oder verwenden Sie einen anderen Ausweis oder Reisepass.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="176"/>
        <source>Your receipt has been printed, but the printer could not confirm it. Please take your receipt. If none came out, take a photo of the receipt on the screen.</source>
        <translation>Ihre Quittung wurde gedruckt, der Drucker konnte es aber nicht bestätigen. Bitte nehmen Sie Ihre Quittung mit. Falls keine herausgekommen ist, fotografieren Sie bitte die Quittung auf dem Bildschirm.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="182"/>
        <source>The printer has run out of paper. Your receipt is on the screen: please take a photo of it. Your application has been received all the same.</source>
        <translation>Im Drucker ist kein Papier mehr. Ihre Quittung steht auf dem Bildschirm: Bitte fotografieren Sie sie. Ihr Antrag ist trotzdem eingegangen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="188"/>
        <source>The receipt could not be printed. Your receipt is on the screen: please take a photo of it. Your application has been received all the same.</source>
        <translation>Die Quittung konnte nicht gedruckt werden. Ihre Quittung steht auf dem Bildschirm: Bitte fotografieren Sie sie. Ihr Antrag ist trotzdem eingegangen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="198"/>
        <source>The receipt printer is not working at the moment. You can still apply: at the end your receipt is shown on the screen (tracking number and QR code) for you to take a photo of.</source>
        <translation>Der Quittungsdrucker funktioniert gerade nicht. Sie können trotzdem Ihren Antrag stellen: Am Ende erscheint Ihre Quittung auf dem Bildschirm (Vorgangsnummer und QR-Code), damit Sie sie fotografieren können.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="208"/>
        <source>The camera of this terminal is not available at the moment, so no photos can be taken here. If your application needs photos, please talk to a clerk or come back later.</source>
        <translation>Die Kamera dieses Terminals ist gerade nicht verfügbar, hier können also keine Fotos aufgenommen werden. Wenn Ihr Antrag Fotos braucht, sprechen Sie bitte mit dem Rathaus oder kommen Sie später wieder.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="220"/>
        <source>It has been sent to the town hall and has arrived there.</source>
        <translation>Er wurde an das Rathaus gesendet und ist dort angekommen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="224"/>
        <source>It could not be sent yet: the terminal cannot reach the town hall at the moment. Your application is stored here, encrypted, and will be sent automatically. You do not need to do anything.</source>
        <translation>Er konnte noch nicht gesendet werden: Das Terminal erreicht das Rathaus gerade nicht. Ihr Antrag ist hier verschlüsselt gespeichert und wird automatisch gesendet. Sie müssen nichts weiter tun.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="230"/>
        <source>It is being sent to the town hall …</source>
        <translation>Er wird an das Rathaus gesendet …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="241"/>
        <source>This terminal cannot take new applications at the moment because its storage is full. Please talk to a clerk, or come back later.</source>
        <translation>Dieses Terminal kann gerade keine neuen Anträge annehmen, weil sein Speicher voll ist. Bitte sprechen Sie mit einer Sachbearbeiterin oder einem Sachbearbeiter, oder kommen Sie später wieder.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="251"/>
        <source>The access number has six digits.</source>
        <translation>Die Zugangsnummer hat sechs Ziffern.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="253"/>
        <source>The document number has up to nine letters and digits.</source>
        <translation>Die Dokumentennummer hat bis zu neun Buchstaben und Ziffern.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="257"/>
        <source>Please enter the date of birth as DD.MM.YYYY.</source>
        <translation>Bitte geben Sie das Geburtsdatum als TT.MM.JJJJ ein.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="261"/>
        <source>Please enter the expiry date as DD.MM.YYYY.</source>
        <translation>Bitte geben Sie das Ablaufdatum als TT.MM.JJJJ ein.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="270"/>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="272"/>
        <source>Being processed</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="274"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="276"/>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="283"/>
        <source>Asking the town hall …</source>
        <translation>Wir fragen im Rathaus nach …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="287"/>
        <source>The town hall knows no application with this tracking number. Please check the number on your receipt.</source>
        <translation>Zu dieser Vorgangsnummer kennt das Rathaus keinen Antrag. Bitte prüfen Sie die Nummer auf Ihrer Quittung.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="293"/>
        <source>Many people are asking right now. Please try again in a moment.</source>
        <translation>Gerade fragen viele nach. Bitte versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="297"/>
        <source>The town hall cannot be reached at the moment. Please try again later, or use the address on your receipt.</source>
        <translation>Das Rathaus ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal oder nutzen Sie die Adresse auf Ihrer Quittung.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="303"/>
        <source>This terminal cannot ask the town hall at the moment. Please use the address on your receipt.</source>
        <translation>Dieses Terminal kann gerade nicht im Rathaus nachfragen. Bitte nutzen Sie die Adresse auf Ihrer Quittung.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <location filename="../../ui/messages.py" line="86"/>
        <source>Please choose one of the options.</source>
        <translation>Bitte wählen Sie eine der Möglichkeiten.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89"/>
        <source>Please fill in %1.</source>
        <translation>Bitte geben Sie %1 ein.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="102"/>
        <source>This card is not an ID card or passport. Please use your ID card or passport.</source>
        <translation>Diese Karte ist kein Ausweis oder Reisepass. Bitte verwenden Sie Ihren Personalausweis oder Reisepass.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113"/>
        <source>The document could not be opened. Please check the entered data.</source>
        <translation>Das Dokument konnte nicht geöffnet werden. Bitte prüfen Sie die eingegebenen Daten.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117"/>
        <source>This document is opened with three values printed on it. Please enter them below.</source>
        <translation>Dieses Dokument wird mit drei Angaben geöffnet, die darauf gedruckt sind. Bitte geben Sie sie unten ein.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129"/>
        <source>This document has expired. Please use a valid ID card or passport.</source>
        <translation>Dieses Dokument ist abgelaufen. Bitte verwenden Sie einen gültigen Ausweis oder Reisepass.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="154"/>
        <source>Your application could not be saved on this terminal. Nothing is lost: your entries are still here. Please try again, or talk to a clerk.</source>
        <translation>Ihr Antrag konnte auf diesem Terminal nicht gespeichert werden. Es ist nichts verloren: Ihre Eingaben sind noch da. Bitte versuchen Sie es noch einmal oder sprechen Sie mit dem Rathaus.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="161"/>
        <source>Something went wrong while saving. Your entries are still here. Please try again, or talk to a clerk.</source>
        <translation>Beim Speichern ist etwas schiefgegangen. Ihre Eingaben sind noch da. Bitte versuchen Sie es noch einmal oder sprechen Sie mit dem Rathaus.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="171"/>
        <source>Your receipt is being printed …</source>
        <translation>Ihre Quittung wird gedruckt …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="174"/>
        <source>Please take your receipt.</source>
        <translation>Bitte nehmen Sie Ihre Quittung mit.</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../../ui/qml/components/NavBar.qml" line="31"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/NavBar.qml" line="54"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="31"/>
        <source>This terminal is out of order.</source>
        <translation>Dieses Terminal ist außer Betrieb.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="32"/>
        <source>This terminal is taking a short break.</source>
        <translation>Dieses Terminal macht eine kurze Pause.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="43"/>
        <source>Please contact the town hall:</source>
        <translation>Bitte wenden Sie sich an das Rathaus:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="45"/>
        <source>It will be back in a moment. Nothing you entered was kept on this terminal.</source>
        <translation>Es ist gleich wieder da. Von Ihren Eingaben wurde nichts auf dem Terminal behalten.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="46"/>
        <source>It will be back soon. The town hall has been informed. We are sorry for the inconvenience.</source>
        <translation>Es ist bald wieder da. Das Rathaus ist informiert. Bitte entschuldigen Sie die Unannehmlichkeiten.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="67"/>
        <source>Hours: %1</source>
        <translation>Erreichbar: %1</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="99"/>
        <location filename="../../ui/models/read_aloud.py" line="143"/>
        <source>Read aloud is on.</source>
        <extracomment>How often the headset is looked for (the sound driver answers from its last look). The first frame is on screen (ui.app): before it nothing is read (the walk over the screen&apos;s items would delay that frame, and nobody has heard anything yet). The text field whose typing is read (connected to its textChanged). A screen was just shown: its reading waits until QML has laid it out. Messages announced in one turn of the event loop (a form&apos;s problems), read together.</extracomment>
        <translation>Vorlesen ist eingeschaltet.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="153"/>
        <source>Explore by touch is on: one touch reads, two quick touches choose.</source>
        <translation>Erkunden durch Berühren ist an: einmal tippen liest vor, zweimal schnell tippen wählt aus.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="157"/>
        <source>Explore by touch is off.</source>
        <translation>Erkunden durch Berühren ist aus.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="164"/>
        <source>Faster</source>
        <translation>Schneller</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="170"/>
        <source>Slower</source>
        <translation>Langsamer</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="176"/>
        <source>Louder</source>
        <translation>Lauter</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="182"/>
        <source>Quieter</source>
        <translation>Leiser</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="192"/>
        <source>Arrow keys: from one control to the next. Enter: choose. Back: one step back. Help: read this again.</source>
        <translation>Pfeiltasten: von einem Element zum nächsten. Enter: auswählen. Zurück: einen Schritt zurück. Hilfe: dies noch einmal vorlesen.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="198"/>
        <source>On the screen: one touch reads, two quick touches choose.</source>
        <translation>Auf dem Bildschirm: einmal tippen liest vor, zweimal schnell tippen wählt aus.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="207"/>
        <source>Keyboard: the arrow keys choose a key, Enter types it. Back: done typing.</source>
        <translation>Tastatur: Die Pfeiltasten wählen eine Taste, Enter schreibt sie. Zurück: fertig mit Schreiben.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="231"/>
        <source>your tracking number</source>
        <translation>Ihre Vorgangsnummer</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="35"/>
        <source>button</source>
        <extracomment>What kind of control the citizen is on, in words (translated when spoken).</extracomment>
        <translation>Schaltfläche</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="36"/>
        <source>check box</source>
        <translation>Kontrollkästchen</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="37"/>
        <source>option</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="38"/>
        <source>input field</source>
        <translation>Eingabefeld</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="39"/>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="40"/>
        <source>link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="41"/>
        <source>heading</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="128"/>
        <source>your entry</source>
        <translation>Ihre Angabe</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="141"/>
        <source>key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="151"/>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="153"/>
        <source>not selected</source>
        <translation>nicht ausgewählt</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="157"/>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="175"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="179"/>
        <source>digits entered: %1</source>
        <translation>eingegebene Ziffern: %1</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="181"/>
        <source>characters entered: %1</source>
        <translation>eingegebene Zeichen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="185"/>
        <source>filled in</source>
        <translation>ausgefüllt</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="193"/>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="200"/>
        <source>digit entered</source>
        <translation>Ziffer eingegeben</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="201"/>
        <location filename="../../ui/speech/screen_reader.py" line="206"/>
        <source>character entered</source>
        <translation>Zeichen eingegeben</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../../kiosk/receipt.py" line="33"/>
        <source>{day} {month} {year}, {time}</source>
        <translation>{day}. {month} {year}, {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="45"/>
        <source>Jan</source>
        <translation>Jan.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="46"/>
        <source>Feb</source>
        <translation>Feb.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="47"/>
        <source>Mar</source>
        <translation>März</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="48"/>
        <source>Apr</source>
        <translation>Apr.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="49"/>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="50"/>
        <source>Jun</source>
        <translation>Juni</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="51"/>
        <source>Jul</source>
        <translation>Juli</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="52"/>
        <source>Aug</source>
        <translation>Aug.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="53"/>
        <source>Sep</source>
        <translation>Sept.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="54"/>
        <source>Oct</source>
        <translation>Okt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="55"/>
        <source>Nov</source>
        <translation>Nov.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="56"/>
        <source>Dec</source>
        <translation>Dez.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="80"/>
        <source>Receipt</source>
        <translation>Eingangsbestätigung</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="83"/>
        <source>Submitted on:</source>
        <translation>Eingereicht am:</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="84"/>
        <source>Your tracking number:</source>
        <translation>Ihre Vorgangsnummer:</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="89"/>
        <source>Not sent yet: the terminal cannot reach the town hall right now. Your application is stored encrypted and will be sent automatically.</source>
        <translation>Noch nicht übermittelt: Das Terminal ist gerade nicht mit dem Rathaus verbunden. Ihr Antrag ist verschlüsselt gespeichert und wird automatisch gesendet.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="95"/>
        <source>Your application has reached the town hall.</source>
        <translation>Ihr Antrag ist beim Rathaus eingegangen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="100"/>
        <source>To see the status of your application, scan the QR code with your phone.</source>
        <translation>Stand Ihres Antrags: QR-Code mit dem Handy scannen.</translation>
    </message>
</context>
<context>
    <name>Receipt mail</name>
    <message>
        <location filename="../../hub/mailer.py" line="72"/>
        <source>{year}-{month}-{day} {time}</source>
        <extracomment>Pauses between tries: 30 s, 1 min, 2 min … up to an hour; given up after this many tries. The citizen&apos;s status page; ``{tracking}`` becomes the tracking number.</extracomment>
        <translation>{day}.{month}.{year} {time}</translation>
    </message>
    <message>
        <location filename="../../hub/mailer.py" line="105"/>
        <source>Your application</source>
        <translation>Ihr Antrag</translation>
    </message>
    <message>
        <location filename="../../hub/mailer.py" line="110"/>
        <source>Receipt: {service} – {tracking}</source>
        <translation>Eingangsbestätigung: {service} – {tracking}</translation>
    </message>
    <message>
        <location filename="../../hub/mailer.py" line="117"/>
        <source>Hello,

Your application “{service}” has reached {municipality}.

Your tracking number: {tracking}
Submitted on: {when}

{next_steps}

See the status of your application here: {link}

This e-mail was requested at the citizen terminal and written automatically. Please do not reply to it.</source>
        <translation>Guten Tag,

Ihr Antrag „{service}“ ist bei {municipality} eingegangen.

Ihre Vorgangsnummer: {tracking}
Eingereicht am: {when}

{next_steps}

Den Stand Ihres Antrags sehen Sie hier: {link}

Diese E-Mail wurde am Bürgerterminal angefordert und automatisch erstellt. Bitte antworten Sie nicht darauf.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../ui/models/review.py" line="80"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../ui/models/review.py" line="82"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="26"/>
        <source>Please check your details</source>
        <translation>Bitte prüfen Sie Ihre Angaben</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="54"/>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="98"/>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="56"/>
        <source>Change: %1</source>
        <translation>Ändern: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="78"/>
        <source>from ID card</source>
        <translation>aus dem Ausweis</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="93"/>
        <source>Photos: %1</source>
        <translation>Fotos: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="99"/>
        <source>Change the photos</source>
        <translation>Fotos ändern</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="129"/>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="136"/>
        <source>Receipt by e-mail (optional)</source>
        <translation>Quittung per E-Mail (freiwillig)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="131"/>
        <source>The printer is not working. If you like, the town hall sends your receipt to this address. It is used for nothing else.</source>
        <translation>Der Drucker funktioniert gerade nicht. Wenn Sie möchten, schickt Ihnen das Rathaus die Quittung an diese Adresse. Sie wird für nichts anderes verwendet.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="140"/>
        <source>name@example.org</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="149"/>
        <source>This is not an e-mail address. Please check it, or leave the field empty.</source>
        <translation>Das ist keine E-Mail-Adresse. Bitte prüfen Sie sie oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="155"/>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="211"/>
        <source>I have read the privacy notice and want to send my application.</source>
        <translation>Ich habe den Datenschutzhinweis gelesen und möchte meinen Antrag absenden.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="219"/>
        <source>To send, please tick the box above.</source>
        <translation>Zum Absenden bitte oben das Kästchen ankreuzen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="220"/>
        <source>Send</source>
        <translation>Absenden</translation>
    </message>
</context>
<context>
    <name>ServiceScreen</name>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="31"/>
        <source>What you need</source>
        <translation>Das brauchen Sie</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="34"/>
        <source>About %n minute(s)</source>
        <translation>
            <numerusform>Etwa %n Minute</numerusform>
            <numerusform>Etwa %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="40"/>
        <source>Your ID card or passport</source>
        <translation>Ihren Personalausweis oder Reisepass</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="41"/>
        <source>Your ID card, if you like (fills in your details)</source>
        <translation>Wenn Sie möchten, Ihren Ausweis (füllt Ihre Angaben aus)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="107"/>
        <source>Demo: the simulated receipt printer</source>
        <translation>Demo: der simulierte Quittungsdrucker</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="114"/>
        <source>Take the paper out</source>
        <translation>Papier herausnehmen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="115"/>
        <source>Put a new roll in</source>
        <translation>Neue Papierrolle einlegen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="46"/>
        <source>Up to %n photo(s), taken here with the camera</source>
        <translation>
            <numerusform>Bis zu %n Foto, hier mit der Kamera aufgenommen</numerusform>
            <numerusform>Bis zu %n Fotos, hier mit der Kamera aufgenommen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="123"/>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
</context>
<context>
    <name>SessionDialogs</name>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="12"/>
        <source>Do you want to cancel?</source>
        <translation>Möchten Sie abbrechen?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="14"/>
        <source>Everything you entered will be deleted.</source>
        <translation>Alles, was Sie eingegeben haben, wird gelöscht.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="20"/>
        <source>Your call with the town hall ends too.</source>
        <translation>Ihr Gespräch mit dem Rathaus wird dabei beendet.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="29"/>
        <source>No, continue</source>
        <translation>Nein, weitermachen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="36"/>
        <source>Yes, cancel</source>
        <translation>Ja, abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="47"/>
        <source>Are you still there?</source>
        <translation>Sind Sie noch da?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="50"/>
        <source>For your privacy, this session will end in %n second(s) and your entries will be deleted.</source>
        <translation>
            <numerusform>Zu Ihrem Schutz endet diese Sitzung in %n Sekunde und Ihre Eingaben werden gelöscht.</numerusform>
            <numerusform>Zu Ihrem Schutz endet diese Sitzung in %n Sekunden und Ihre Eingaben werden gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="62"/>
        <source>Yes, I need more time</source>
        <translation>Ja, ich brauche mehr Zeit</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="71"/>
        <source>I always need more time</source>
        <translation>Ich brauche generell mehr Zeit</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="80"/>
        <source>Talk to a clerk</source>
        <translation>Mit dem Rathaus sprechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="84"/>
        <source>Video calls from this terminal are coming soon. Until then, the citizens&apos; office answers on the telephone:</source>
        <translation>Videoanrufe von diesem Terminal kommen bald. Bis dahin erreichen Sie das Bürgerbüro am Telefon:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="85"/>
        <source>Video calls from this terminal are coming soon. Until then, please ask at the citizens&apos; office.</source>
        <translation>Videoanrufe von diesem Terminal kommen bald. Bis dahin fragen Sie bitte im Bürgerbüro nach.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="101"/>
        <source>Hours: %1</source>
        <translation>Erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="106"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Status page</name>
    <message>
        <location filename="../../hub/status.py" line="141"/>
        <source>Too many lookups; please wait a little.</source>
        <extracomment>The statuses as the clerks read them (the citizen&apos;s page has them in the citizen&apos;s language).</extracomment>
        <translation>Zu viele Abfragen; bitte warten Sie einen Moment.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="192"/>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="193"/>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="194"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="195"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="203"/>
        <source>Status of your application – {municipality}</source>
        <translation>Stand Ihres Antrags – {municipality}</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="206"/>
        <source>Tracking number {code}</source>
        <translation>Vorgangsnummer {code}</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="207"/>
        <source>Other languages</source>
        <translation>Andere Sprachen</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="208"/>
        <source>There is no application with this tracking number. Please check the number on your receipt.</source>
        <translation>Zu dieser Vorgangsnummer gibt es keinen Antrag. Bitte prüfen Sie die Nummer auf Ihrer Quittung.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="213"/>
        <source>An application the terminal could not send yet appears here as soon as it has reached the town hall.</source>
        <translation>Ein Antrag, der am Terminal noch nicht gesendet werden konnte, erscheint hier, sobald er im Rathaus angekommen ist.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="220"/>
        <source>Received on {received}, last changed on {changed}.</source>
        <translation>Eingegangen am {received}, zuletzt geändert am {changed}.</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="27"/>
        <source>Status of your application</source>
        <translation>Stand Ihres Antrags</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="30"/>
        <source>Tracking number:</source>
        <translation>Vorgangsnummer:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="51"/>
        <source>Asking the town hall …</source>
        <translation>Wir fragen im Rathaus nach …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="80"/>
        <source>Submitted: %1</source>
        <translation>Eingereicht: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="85"/>
        <source>Last change: %1</source>
        <translation>Zuletzt geändert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="94"/>
        <source>Message from the town hall: %1</source>
        <translation>Nachricht vom Rathaus: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="111"/>
        <source>Ask again</source>
        <translation>Noch einmal fragen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="122"/>
        <source>Correct the number</source>
        <translation>Nummer korrigieren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="122"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="123"/>
        <source>Finish</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>SubmittingScreen</name>
    <message>
        <location filename="../../ui/qml/screens/SubmittingScreen.qml" line="18"/>
        <source>Your application is being saved …</source>
        <translation>Ihr Antrag wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>TechnicianPanel</name>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="17"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="18"/>
        <source>Certificate valid until</source>
        <translation>Zertifikat gültig bis</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="19"/>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="20"/>
        <source>Configuration from the hub</source>
        <translation>Konfiguration vom Hub</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="21"/>
        <source>Applications waiting</source>
        <translation>Wartende Anträge</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="22"/>
        <source>Undeliverable</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="23"/>
        <source>Software version</source>
        <translation>Softwareversion</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="24"/>
        <source>Card reader</source>
        <translation>Kartenleser</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="25"/>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="26"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="27"/>
        <source>Clock</source>
        <translation>Uhr</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="28"/>
        <source>TURN server</source>
        <translation>TURN-Server</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="29"/>
        <source>Disk space</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="37"/>
        <source>Wrong PIN. %1 more tries before the service mode is locked.</source>
        <translation>Falsche PIN. Noch %1 Versuche, dann wird der Servicemodus gesperrt.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="38"/>
        <source>Too many wrong PINs: locked for %1 minutes.</source>
        <translation>Zu viele falsche PINs: für %1 Minuten gesperrt.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="39"/>
        <source>No technician PIN is set. Set it over SSH: python -m provisioning pin</source>
        <translation>Keine Techniker-PIN gesetzt. Per SSH setzen: python -m provisioning pin</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="40"/>
        <source>This terminal knows no hub for a typed code: scan the QR code instead.</source>
        <translation>Für einen getippten Code kennt dieses Terminal keinen Hub: Bitte den QR-Code scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="41"/>
        <source>That is not an enrolment code. Check it and type it again.</source>
        <translation>Das ist kein Einrichtungscode. Bitte prüfen und neu eingeben.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="42"/>
        <source>Not enrolled: %1</source>
        <translation>Nicht eingerichtet: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="43"/>
        <source>Enrolled as %1. The terminal restarts now.</source>
        <translation>Eingerichtet als %1. Das Terminal startet jetzt neu.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="44"/>
        <source>The camera is not available: type the code instead.</source>
        <translation>Die Kamera ist nicht verfügbar: Bitte den Code eintippen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="57"/>
        <source>Service mode</source>
        <translation>Servicemodus</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="62"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="84"/>
        <source>Technician PIN</source>
        <translation>Techniker-PIN</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="108"/>
        <source>Erase</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="108"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="133"/>
        <source>This terminal</source>
        <translation>Dieses Terminal</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="161"/>
        <source>Run the self-test</source>
        <translation>Selbsttest starten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="167"/>
        <source>Self-test at %1 (a test page was printed):</source>
        <translation>Selbsttest um %1 (eine Testseite wurde gedruckt):</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="192"/>
        <source>Enrol with the hub</source>
        <translation>Beim Hub einrichten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="199"/>
        <source>Type the enrolment code from the hub&apos;s fleet page, or hold its QR code to the camera.</source>
        <translation>Den Einrichtungscode von der Terminal-Seite des Hubs eintippen oder seinen QR-Code vor die Kamera halten.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="200"/>
        <source>Hold the QR code from the hub&apos;s fleet page to the camera.</source>
        <translation>Den QR-Code von der Terminal-Seite des Hubs vor die Kamera halten.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="218"/>
        <source>Enrol</source>
        <translation>Einrichten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="225"/>
        <source>Looking for the QR code …</source>
        <translation>QR-Code wird gesucht …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="225"/>
        <source>Scan the QR code</source>
        <translation>QR-Code scannen</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message numerus="yes">
        <location filename="../../ui/qml/components/TopBar.qml" line="326"/>
        <source>Offline — %n application(s) waiting, they will be sent automatically</source>
        <translation>
            <numerusform>Offline – %n Antrag wartet, er wird automatisch gesendet</numerusform>
            <numerusform>Offline – %n Anträge warten, sie werden automatisch gesendet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="282"/>
        <source>Larger text</source>
        <translation>Größere Schrift</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="133"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="182"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>Read aloud</source>
        <translation>Vorlesen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="215"/>
        <source>Slower</source>
        <translation>Langsamer</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="222"/>
        <source>Faster</source>
        <translation>Schneller</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="229"/>
        <source>Quieter</source>
        <translation>Leiser</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="236"/>
        <source>Louder</source>
        <translation>Lauter</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="243"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="243"/>
        <source>Explore by touch</source>
        <translation>Erkunden durch Berühren</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="251"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="251"/>
        <source>More time</source>
        <translation>Mehr Zeit</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="259"/>
        <source>Read this screen</source>
        <translation>Diese Seite vorlesen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="268"/>
        <source>Stop reading aloud</source>
        <translation>Vorlesen ausschalten</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="289"/>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="292"/>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="296"/>
        <source>Clerk</source>
        <translation>Rathaus</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="296"/>
        <source>Talk to a clerk</source>
        <translation>Mit dem Rathaus sprechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="304"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="304"/>
        <source>Finish</source>
        <translation>Fertig</translation>
    </message>
</context>
</TS>
