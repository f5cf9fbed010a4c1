<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AttachmentsScreen</name>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="83"/>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="92"/>
        <source>The picture is too dark.</source>
        <translation>Снимок слишком тёмный.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="84"/>
        <source>The picture is blurred: please hold still.</source>
        <translation>Снимок нечёткий: пожалуйста, не двигайтесь.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="86"/>
        <source>The page is not wholly in the picture: move it towards the middle.</source>
        <translation>Страница не целиком в кадре: сдвиньте её ближе к центру.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="88"/>
        <source>Place the page under the camera, on a dark surface if you can.</source>
        <translation>Положите страницу под камеру, лучше на тёмную поверхность.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="90"/>
        <source>The picture is blurred: please hold the page still.</source>
        <translation>Снимок нечёткий: пожалуйста, держите страницу неподвижно.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="94"/>
        <source>Light is reflected on the page: tilt it a little.</source>
        <translation>На странице блики: немного наклоните её.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="95"/>
        <source>Page found: you can take the photo.</source>
        <translation>Страница найдена: можно сделать фото.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="102"/>
        <source>Taking photo …</source>
        <translation>Делаем фото …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="102"/>
        <source>Take photo</source>
        <translation>Сделать фото</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="110"/>
        <source>%1 of at most %2 photos</source>
        <translation>Фото: %1 из %2 возможных</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="119"/>
        <source>Demo:</source>
        <translation>Демо:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="122"/>
        <source>Hold up a page</source>
        <translation>Показать страницу</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="128"/>
        <source>Show the street</source>
        <translation>Показать улицу</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="136"/>
        <source>The camera is not working right now. You can send without a photo if the service allows it, or talk to a clerk.</source>
        <translation>Камера сейчас не работает. Вы можете отправить заявление без фото, если эта услуга это позволяет, или поговорить с сотрудником ратуши.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="142"/>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="208"/>
        <source>At least %n photo(s) needed.</source>
        <translation>
            <numerusform>Нужна минимум %n фотография.</numerusform>
            <numerusform>Нужно минимум %n фотографии.</numerusform>
            <numerusform>Нужно минимум %n фотографий.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="166"/>
        <source>Photo %1</source>
        <translation>Фото %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="183"/>
        <source>Page cut off: take it again?</source>
        <translation>Страница обрезана: переснять?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="184"/>
        <source>Blurred: take it again?</source>
        <translation>Нечётко: переснять?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="185"/>
        <source>Too dark: take it again?</source>
        <translation>Слишком темно: переснять?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="186"/>
        <source>Reflection: take it again?</source>
        <translation>Блики: переснять?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="191"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="240"/>
        <source>Remove and take again</source>
        <translation>Удалить и переснять</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttachmentsScreen.qml" line="248"/>
        <source>Back to the photos</source>
        <translation>Назад к фото</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="33"/>
        <source>Offline — %n application(s) waiting, they will be sent automatically</source>
        <translation>
            <numerusform>Нет связи — %n заявление ждёт отправки, оно будет отправлено автоматически</numerusform>
            <numerusform>Нет связи — %n заявления ждут отправки, они будут отправлены автоматически</numerusform>
            <numerusform>Нет связи — %n заявлений ждут отправки, они будут отправлены автоматически</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="70"/>
        <source>Report problems, apply, make appointments – and talk to a clerk by video.</source>
        <translation>Сообщить о проблеме, подать заявление, записаться на приём – и поговорить с сотрудником ратуши по видеосвязи.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="79"/>
        <source>Touch here to start</source>
        <translation>Коснитесь здесь, чтобы начать</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/AttractScreen.qml" line="92"/>
        <source>Talk to the town hall</source>
        <translation>Связаться с ратушей</translation>
    </message>
</context>
<context>
    <name>CallDock</name>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="65"/>
        <source>Reconnecting …</source>
        <translation>Восстанавливаем связь …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="66"/>
        <source>● Camera on</source>
        <translation>● Камера вкл.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="66"/>
        <source>Camera off</source>
        <translation>Камера выкл.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="77"/>
        <source>Microphone off</source>
        <translation>Микрофон выкл.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="93"/>
        <source>The town hall asks for a photo of your ID.</source>
        <translation>Ратуша просит фото Вашего документа.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="95"/>
        <source>The town hall suggests something for your form.</source>
        <translation>У ратуши есть предложение по Вашей форме.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/CallDock.qml" line="97"/>
        <source>%n new message(s) from the town hall.</source>
        <translation>
            <numerusform>%n новое сообщение от ратуши.</numerusform>
            <numerusform>%n новых сообщения от ратуши.</numerusform>
            <numerusform>%n новых сообщений от ратуши.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="100"/>
        <source>The printer could not print “%1”.</source>
        <translation>Принтер не смог напечатать «%1».</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="101"/>
        <source>Printing “%1” …</source>
        <translation>Печатается «%1» …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="102"/>
        <source>Please take “%1” from the printer.</source>
        <translation>Пожалуйста, заберите «%1» из принтера.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="109"/>
        <source>Show the call</source>
        <translation>Развернуть звонок</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="120"/>
        <source>Microphone on</source>
        <comment>button: turns it on</comment>
        <translation>Включить микрофон</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="120"/>
        <source>Microphone off</source>
        <comment>button: turns it off</comment>
        <translation>Выключить микрофон</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallDock.qml" line="126"/>
        <source>Hang up</source>
        <translation>Завершить звонок</translation>
    </message>
</context>
<context>
    <name>CallOverlay</name>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="59"/>
        <source>Call back</source>
        <translation>Обратный звонок</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="60"/>
        <source>Talk to a clerk</source>
        <translation>Поговорить с сотрудником</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="61"/>
        <source>The call has ended</source>
        <translation>Звонок завершён</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="62"/>
        <source>Talk to the town hall</source>
        <translation>Связаться с ратушей</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="70"/>
        <source>A clerk of the town hall will see and hear you, and see the form you are filling in (and the photo from your ID card, if it was read). Your camera and microphone are switched on for the call. Nothing is recorded.</source>
        <translation>Сотрудник ратуши будет видеть и слышать Вас, а также видеть форму, которую Вы заполняете (и фото из Вашего удостоверения личности, если оно было считано). На время звонка включаются Ваши камера и микрофон. Ничего не записывается.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="72"/>
        <source>Connecting to the town hall …</source>
        <translation>Соединяем с ратушей …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="75"/>
        <source>Nobody at the town hall can take your call right now. You can ask to be called back, or wait.</source>
        <translation>Сейчас никто в ратуше не может ответить на Ваш звонок. Вы можете попросить перезвонить Вам или подождать.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="77"/>
        <source>You are next.</source>
        <translation>Ваша очередь — следующая.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="78"/>
        <source>You are number %1 in the queue.</source>
        <translation>Ваш номер в очереди: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="80"/>
        <source>The town hall will call you back. Please give your phone number and what it is about.</source>
        <translation>Ратуша перезвонит Вам. Пожалуйста, укажите номер телефона и коротко опишите Ваш вопрос.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="82"/>
        <source>Thank you. The town hall will call you back. Your tracking number:</source>
        <translation>Спасибо. Ратуша перезвонит Вам. Номер Вашего обращения:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="84"/>
        <source>%1 is taking your call …</source>
        <translation>%1 отвечает на Ваш звонок …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="86"/>
        <source>The connection was interrupted. Reconnecting you to %1 …</source>
        <translation>Связь прервалась. Снова соединяем Вас с %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="89"/>
        <source>Nobody at the town hall could take your call in time. Your entries are kept.</source>
        <translation>Никто в ратуше не смог вовремя ответить на Ваш звонок. Введённые Вами данные сохранены.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="91"/>
        <source>The connection was lost. Your entries are kept.</source>
        <translation>Связь потеряна. Введённые Вами данные сохранены.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="92"/>
        <source>Your entries are kept. You can carry on where you were.</source>
        <translation>Введённые Вами данные сохранены. Вы можете продолжить с того же места.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="95"/>
        <source>The town hall has too many calls right now.</source>
        <translation>Сейчас в ратуше слишком много звонков.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="97"/>
        <source>Video calls are not possible from this terminal.</source>
        <translation>С этого терминала видеозвонки невозможны.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="98"/>
        <source>The town hall cannot be reached right now.</source>
        <translation>Сейчас связаться с ратушей невозможно.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/CallOverlay.qml" line="118"/>
        <source>Estimated wait: about %n minute(s).</source>
        <translation>
            <numerusform>Время ожидания: примерно %n минута.</numerusform>
            <numerusform>Время ожидания: примерно %n минуты.</numerusform>
            <numerusform>Время ожидания: примерно %n минут.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="119"/>
        <source>A clerk will be with you shortly.</source>
        <translation>Сотрудник скоро ответит Вам.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="134"/>
        <source>Hours: %1</source>
        <translation>Часы работы: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="190"/>
        <source>Your request could not be stored. Please try again.</source>
        <translation>Не удалось сохранить Вашу просьбу. Пожалуйста, попробуйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="202"/>
        <source>Ask for a call back</source>
        <translation>Попросить перезвонить</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="210"/>
        <source>Send the request</source>
        <translation>Отправить просьбу</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="218"/>
        <source>Start the call</source>
        <translation>Начать звонок</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="227"/>
        <source>Cancel the call</source>
        <translation>Отменить звонок</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="238"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="238"/>
        <source>Back to where I was</source>
        <translation>Продолжить с того же места</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="341"/>
        <source>The camera gave no picture. Please try again.</source>
        <translation>Камера не передала изображение. Пожалуйста, попробуйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="342"/>
        <source>The town hall asks for a photo of your ID card or passport. Hold the side with your photo to the camera, then send it. It goes only to the clerk and is not stored.</source>
        <translation>Ратуша просит фото Вашего удостоверения личности или паспорта. Поднесите к камере сторону с Вашей фотографией, затем отправьте снимок. Его увидит только сотрудник, снимок не сохраняется.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="349"/>
        <source>Demo: hold up the sample passport</source>
        <translation>Демо: показать образец паспорта</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="358"/>
        <source>Sending …</source>
        <translation>Отправляем …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="358"/>
        <source>Send the photo</source>
        <translation>Отправить фото</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="366"/>
        <source>Do not send</source>
        <translation>Не отправлять</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="378"/>
        <source>✓ The photo of your ID has been sent to the town hall.</source>
        <translation>✓ Фото Вашего документа отправлено в ратушу.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="386"/>
        <source>The sound is not working at this terminal. Please write to the town hall below; they can still see you.</source>
        <translation>Звук на этом терминале не работает. Пожалуйста, напишите ратуше в поле ниже; Вас по-прежнему видят.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="394"/>
        <source>✓ The town hall has confirmed who you are. It goes with your application.</source>
        <translation>✓ Ратуша подтвердила Вашу личность. Это подтверждение будет приложено к заявлению.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="426"/>
        <source>The town hall suggests for “%1”: %2</source>
        <translation>Ратуша предлагает для поля «%1»: %2</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="427"/>
        <source>The town hall suggests for “%1”: %2 (now: %3)</source>
        <translation>Ратуша предлагает для поля «%1»: %2 (сейчас: %3)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="433"/>
        <source>Take it</source>
        <translation>Принять</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="438"/>
        <source>Keep mine</source>
        <translation>Оставить моё</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="460"/>
        <source>The printer could not print “%1”. The clerk has been told.</source>
        <translation>Принтер не смог напечатать «%1». Сотрудник уже знает об этом.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="462"/>
        <source>The town hall is printing “%1” for you …</source>
        <translation>Ратуша печатает для Вас «%1» …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="463"/>
        <source>Please take “%1” from the printer.</source>
        <translation>Пожалуйста, заберите «%1» из принтера.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="472"/>
        <source>● Camera on</source>
        <translation>● Камера вкл.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="472"/>
        <source>Camera off</source>
        <translation>Камера выкл.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="481"/>
        <source>Microphone on</source>
        <comment>button: turns it on</comment>
        <translation>Включить микрофон</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="481"/>
        <source>Microphone off</source>
        <comment>button: turns it off</comment>
        <translation>Выключить микрофон</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="486"/>
        <source>Camera off</source>
        <comment>button: turns it off</comment>
        <translation>Выключить камеру</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="486"/>
        <source>Camera on</source>
        <comment>button: turns it on</comment>
        <translation>Включить камеру</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="492"/>
        <source>Make the call small</source>
        <translation>Свернуть звонок</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="497"/>
        <source>Hang up</source>
        <translation>Завершить звонок</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="510"/>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="530"/>
        <source>You: </source>
        <translation>Вы: </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="530"/>
        <source>Town hall: </source>
        <translation>Ратуша: </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="538"/>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="540"/>
        <source>Write a message</source>
        <translation>Напишите сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/CallOverlay.qml" line="550"/>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="34"/>
        <source>Thank you! Your application has arrived at the town hall.</source>
        <translation>Спасибо! Ваше заявление поступило в ратушу.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="35"/>
        <source>Thank you! Your application is stored safely.</source>
        <translation>Спасибо! Ваше заявление надёжно сохранено.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="38"/>
        <source>Your tracking number:</source>
        <translation>Номер Вашего обращения:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="70"/>
        <source>The town hall also sends your receipt to your e-mail address.</source>
        <translation>Ратуша также отправит квитанцию на Ваш адрес электронной почты.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="76"/>
        <source>This page closes in %n second(s). Touch the screen if you need more time.</source>
        <translation>
            <numerusform>Эта страница закроется через %n секунду. Коснитесь экрана, если Вам нужно больше времени.</numerusform>
            <numerusform>Эта страница закроется через %n секунды. Коснитесь экрана, если Вам нужно больше времени.</numerusform>
            <numerusform>Эта страница закроется через %n секунд. Коснитесь экрана, если Вам нужно больше времени.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="87"/>
        <source>Try printing again</source>
        <translation>Напечатать ещё раз</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="94"/>
        <source>Read the receipt aloud</source>
        <translation>Прочитать квитанцию вслух</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="99"/>
        <source>Finish</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="123"/>
        <source>Your receipt</source>
        <translation>Ваша квитанция</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/DoneScreen.qml" line="149"/>
        <source>Take a photo of this with your phone. The QR code shows the status of your application.</source>
        <translation>Сфотографируйте это на свой телефон. По QR-коду можно узнать статус Вашего заявления.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="75"/>
        <source>Added by the town hall</source>
        <translation>Дополнено ратушей</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="95"/>
        <source>From your ID card</source>
        <translation>Из Вашего удостоверения личности</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="144"/>
        <source>DD.MM.YYYY</source>
        <translation>ДД.ММ.ГГГГ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="176"/>
        <source>Plus sign</source>
        <translation>Знак плюс</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="201"/>
        <source>Scan the QR code on the receipt</source>
        <translation>Сканировать QR-код с квитанции</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="211"/>
        <source>This QR code is not from a receipt of this town hall. Please hold the QR code on your receipt in front of the camera, or type the number.</source>
        <translation>Этот QR-код не с квитанции этой ратуши. Пожалуйста, поднесите к камере QR-код с Вашей квитанции или введите номер вручную.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="213"/>
        <source>No receipt was recognised. You can try again or type the number.</source>
        <translation>Квитанция не распознана. Попробуйте ещё раз или введите номер вручную.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="215"/>
        <source>The camera is not available right now. Please type the number.</source>
        <translation>Камера сейчас недоступна. Пожалуйста, введите номер вручную.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="238"/>
        <source>Hold the QR code on your receipt in front of the camera.</source>
        <translation>Поднесите QR-код с Вашей квитанции к камере.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="243"/>
        <source>Type the number instead</source>
        <translation>Лучше ввести номер</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="251"/>
        <source>Demo:</source>
        <translation>Демо:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="254"/>
        <source>Hold up the receipt</source>
        <translation>Показать квитанцию</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="260"/>
        <source>Hold up another QR code</source>
        <translation>Показать другой QR-код</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="325"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="336"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="369"/>
        <source>Street</source>
        <translation>Улица</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="370"/>
        <source>No.</source>
        <translation>Дом</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="371"/>
        <source>Postcode</source>
        <translation>Индекс</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/FieldEditor.qml" line="372"/>
        <source>Town</source>
        <translation>Населённый пункт</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../ui/qml/screens/FormScreen.qml" line="74"/>
        <source>%1 · step %2 of %3</source>
        <translation>%1 · шаг %2 из %3</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/FormScreen.qml" line="85"/>
        <source>Please look at the fields marked in red.</source>
        <translation>Пожалуйста, проверьте поля, отмеченные красным.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/qml/screens/HomeScreen.qml" line="62"/>
        <source>What can we do for you?</source>
        <translation>Чем мы можем Вам помочь?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/HomeScreen.qml" line="70"/>
        <source>The town hall describes its services in %1 only. You can still use them; the buttons and help are in your language.</source>
        <translation>Ратуша описывает свои услуги только на этом языке: %1. Вы всё равно можете ими воспользоваться; кнопки и подсказки — на Вашем языке.</translation>
    </message>
</context>
<context>
    <name>IdentifyModel</name>
    <message>
        <location filename="../../ui/models/identify.py" line="75"/>
        <source>The card reader is not working right now. Please talk to a clerk, or choose another service.</source>
        <translation>Считыватель карт сейчас не работает. Пожалуйста, обратитесь к сотруднику ратуши или выберите другую услугу.</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="61"/>
        <source>Please place your ID card or passport on the reader</source>
        <translation>Пожалуйста, положите удостоверение личности или паспорт на считыватель</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="78"/>
        <source>Reading your passport or ID card … please leave it on the reader.</source>
        <translation>Считываем Ваш паспорт или удостоверение личности … пожалуйста, не убирайте документ со считывателя.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="79"/>
        <source>Reading your card … please leave it on the reader.</source>
        <translation>Считываем Вашу карту … пожалуйста, не убирайте её со считывателя.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="81"/>
        <source>Your passport or ID card is on the reader. To open its chip, please enter three values printed on it.</source>
        <translation>Ваш паспорт или удостоверение личности лежит на считывателе. Чтобы открыть чип, пожалуйста, введите три значения, напечатанные на документе.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="82"/>
        <source>Your card is on the reader. To open its chip, please enter the number printed on it.</source>
        <translation>Ваша карта лежит на считывателе. Чтобы открыть чип, пожалуйста, введите номер, напечатанный на ней.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="84"/>
        <source>Your passport or ID card has been read. Is this you?</source>
        <translation>Данные Вашего паспорта или удостоверения личности считаны. Это Вы?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="85"/>
        <source>Your card has been read. Is this you?</source>
        <translation>Ваша карта считана. Это Вы?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="86"/>
        <source>That did not work.</source>
        <translation>Не получилось.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="87"/>
        <source>The card reader is not available.</source>
        <translation>Считыватель карт недоступен.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="88"/>
        <source>The card reader is below the screen, marked with the card symbol. Lay the card flat on it.</source>
        <translation>Считыватель находится под экраном и отмечен значком карты. Положите карту на него ровно.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="106"/>
        <source>Your data is read from the chip only to fill in this form. It is deleted from the terminal when you are done.</source>
        <translation>Данные считываются с чипа только для заполнения этой формы. Когда Вы закончите, они будут удалены с терминала.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="171"/>
        <source>Access number (CAN): the six digits at the bottom right of the front of your ID card.</source>
        <translation>Номер доступа (CAN): шесть цифр внизу справа на лицевой стороне Вашего удостоверения личности.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="172"/>
        <source>On the photo page of your passport (on an ID card: its back), also in the lines of letters at the bottom: the document number, your date of birth and the date of expiry.</source>
        <translation>На странице паспорта с фотографией (у удостоверения личности — на обратной стороне), а также в строках букв внизу: номер документа, Ваша дата рождения и дата окончания срока действия.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="202"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="219"/>
        <source>Access number (6 digits)</source>
        <translation>Номер доступа (6 цифр)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="206"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="231"/>
        <source>Passport or card number</source>
        <translation>Номер паспорта или удостоверения</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="207"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="244"/>
        <source>Date of birth (DD.MM.YYYY)</source>
        <translation>Дата рождения (ДД.ММ.ГГГГ)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="208"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="246"/>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="259"/>
        <source>Valid until (DD.MM.YYYY)</source>
        <translation>Срок действия до (ДД.ММ.ГГГГ)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="263"/>
        <source>Open the chip</source>
        <translation>Открыть чип</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="272"/>
        <source>No number on my card</source>
        <translation>На моей карте нет номера</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="280"/>
        <source>Read the photo page with the camera</source>
        <translation>Считать страницу с фото камерой</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="290"/>
        <source>The lines of letters could not be read. Try again, or type the three values.</source>
        <translation>Строки букв не удалось считать. Попробуйте ещё раз или введите три значения вручную.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="292"/>
        <source>The camera is not available right now. Please type the three values.</source>
        <translation>Камера сейчас недоступна. Пожалуйста, введите три значения вручную.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="312"/>
        <source>Hold the photo page of your passport under the camera, with the lines of letters at the bottom fully in view.</source>
        <translation>Держите страницу паспорта с фотографией под камерой так, чтобы строки букв внизу были видны полностью.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="317"/>
        <source>Type the values instead</source>
        <translation>Лучше ввести вручную</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="323"/>
        <source>Demo: hold up the sample passport</source>
        <translation>Демо: показать образец паспорта</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="350"/>
        <source>Born on %1</source>
        <translation>Дата рождения: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="353"/>
        <source>Yes, that is me</source>
        <translation>Да, это я</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="354"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="371"/>
        <source>Demo: place a sample card on the simulated reader</source>
        <translation>Демо: положить образец карты на имитацию считывателя</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="381"/>
        <source>Sample ID card (Erika Mustermann)</source>
        <translation>Образец удостоверения личности (Erika Mustermann)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="382"/>
        <source>Sample passport (Anna Maria Eriksson)</source>
        <translation>Образец паспорта (Anna Maria Eriksson)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="383"/>
        <source>Damaged card</source>
        <translation>Повреждённая карта</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/IdentifyScreen.qml" line="399"/>
        <source>Continue without ID card</source>
        <translation>Продолжить без удостоверения</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="20"/>
        <source>the street</source>
        <translation>улицу</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="21"/>
        <source>the house number</source>
        <translation>номер дома</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="22"/>
        <source>the postcode</source>
        <translation>почтовый индекс</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="23"/>
        <source>the town</source>
        <translation>населённый пункт</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30"/>
        <location filename="../../ui/messages.py" line="86"/>
        <source>Please choose one of the options.</source>
        <translation>Пожалуйста, выберите один из вариантов.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>Please fill in this field.</source>
        <translation>Пожалуйста, заполните это поле.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34"/>
        <source>Please write at least %1 characters.</source>
        <translation>Пожалуйста, введите не менее %1 символов.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>Please write at most %1 characters.</source>
        <translation>Пожалуйста, введите не более %1 символов.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42"/>
        <location filename="../../ui/messages.py" line="90"/>
        <source>This does not look right. Please check it.</source>
        <translation>Похоже, здесь ошибка. Пожалуйста, проверьте.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <source>Please enter a number, for example 2 or 2,5.</source>
        <translation>Пожалуйста, введите число, например 2 или 2,5.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>Please enter at least %1.</source>
        <translation>Пожалуйста, введите не менее %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54"/>
        <source>Please enter at most %1.</source>
        <translation>Пожалуйста, введите не более %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>Please enter a date like 24.12.2026 (day.month.year).</source>
        <translation>Пожалуйста, введите дату в виде 24.12.2026 (день.месяц.год).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62"/>
        <source>The date cannot be before %1.</source>
        <translation>Дата не может быть раньше %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66"/>
        <source>The date cannot be after %1.</source>
        <translation>Дата не может быть позже %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>This is not an email address. It looks like name@example.de.</source>
        <translation>Это не адрес электронной почты. Адрес выглядит так: name@example.de.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>Please enter a phone number with digits only, for example 0221 123456.</source>
        <translation>Пожалуйста, введите номер телефона только цифрами, например 0221 123456.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78"/>
        <source>A postcode has five digits, for example 51147.</source>
        <translation>Почтовый индекс состоит из пяти цифр, например 51147.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82"/>
        <source>The tracking number looks like 7K3M-Q9XD-2AF8. Please check it.</source>
        <translation>Номер обращения выглядит так: 7K3M-Q9XD-2AF8. Пожалуйста, проверьте его.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89"/>
        <source>Please fill in %1.</source>
        <translation>Пожалуйста, укажите %1.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="96"/>
        <source>Your ID card or passport could not be read. Please take it off, then place it flat on the reader again.</source>
        <translation>Не удалось считать Ваше удостоверение личности или паспорт. Пожалуйста, снимите документ со считывателя и снова положите его ровно.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="102"/>
        <source>This card is not an ID card or passport. Please use your ID card or passport.</source>
        <translation>Эта карта — не удостоверение личности и не паспорт. Пожалуйста, используйте Ваше удостоверение личности или паспорт.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107"/>
        <source>Your ID card or passport was taken off too early. Please place it again and leave it until you hear the tone.</source>
        <translation>Документ убрали со считывателя слишком рано. Пожалуйста, положите его снова и не убирайте, пока не услышите сигнал.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113"/>
        <source>The document could not be opened. Please check the entered data.</source>
        <translation>Не удалось открыть документ. Пожалуйста, проверьте введённые данные.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117"/>
        <source>This document is opened with three values printed on it. Please enter them below.</source>
        <translation>Этот документ открывается с помощью трёх значений, напечатанных на нём. Пожалуйста, введите их ниже.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>This card gives its data only to the online ID function, which this terminal does not offer yet. Please use your passport, or talk to a clerk.</source>
        <translation>Эта карта передаёт данные только через функцию онлайн-идентификации, которой на этом терминале пока нет. Пожалуйста, используйте паспорт или обратитесь к сотруднику ратуши.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129"/>
        <source>This document has expired. Please use a valid ID card or passport.</source>
        <translation>Срок действия этого документа истёк. Пожалуйста, используйте действительное удостоверение личности или паспорт.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135"/>
        <source>The chip of this document could not prove that it is genuine, so this terminal cannot use it. Please talk to a clerk.</source>
        <translation>Чип этого документа не смог подтвердить его подлинность, поэтому терминал не может его использовать. Пожалуйста, обратитесь к сотруднику ратуши.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="143"/>
        <source>The data on this document&apos;s chip could not be checked, so this terminal cannot use it. Please place it again, or use another ID card or passport.</source>
        <translation>Не удалось проверить данные на чипе этого документа, поэтому терминал не может его использовать. Пожалуйста, положите документ ещё раз или используйте другое удостоверение личности или паспорт.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="154"/>
        <source>Your application could not be saved on this terminal. Nothing is lost: your entries are still here. Please try again, or talk to a clerk.</source>
        <translation>Не удалось сохранить Ваше заявление на этом терминале. Ничего не потеряно: введённые Вами данные на месте. Пожалуйста, попробуйте ещё раз или обратитесь к сотруднику ратуши.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="161"/>
        <source>Something went wrong while saving. Your entries are still here. Please try again, or talk to a clerk.</source>
        <translation>При сохранении что-то пошло не так. Введённые Вами данные на месте. Пожалуйста, попробуйте ещё раз или обратитесь к сотруднику ратуши.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="171"/>
        <source>Your receipt is being printed …</source>
        <translation>Печатаем Вашу квитанцию …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="174"/>
        <source>Please take your receipt.</source>
        <translation>Пожалуйста, возьмите квитанцию.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="176"/>
        <source>Your receipt has been printed, but the printer could not confirm it. Please take your receipt. If none came out, take a photo of the receipt on the screen.</source>
        <translation>Ваша квитанция напечатана, но принтер не смог это подтвердить. Пожалуйста, возьмите квитанцию. Если она не вышла, сфотографируйте квитанцию на экране.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="182"/>
        <source>The printer has run out of paper. Your receipt is on the screen: please take a photo of it. Your application has been received all the same.</source>
        <translation>В принтере закончилась бумага. Ваша квитанция показана на экране: пожалуйста, сфотографируйте её. Ваше заявление всё равно принято.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="188"/>
        <source>The receipt could not be printed. Your receipt is on the screen: please take a photo of it. Your application has been received all the same.</source>
        <translation>Не удалось напечатать квитанцию. Ваша квитанция показана на экране: пожалуйста, сфотографируйте её. Ваше заявление всё равно принято.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="198"/>
        <source>The receipt printer is not working at the moment. You can still apply: at the end your receipt is shown on the screen (tracking number and QR code) for you to take a photo of.</source>
        <translation>Принтер для квитанций сейчас не работает. Вы всё равно можете подать заявление: в конце квитанция (номер обращения и QR-код) появится на экране, и Вы сможете её сфотографировать.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="208"/>
        <source>The camera of this terminal is not available at the moment, so no photos can be taken here. If your application needs photos, please talk to a clerk or come back later.</source>
        <translation>Камера этого терминала сейчас недоступна, поэтому здесь нельзя сделать фото. Если для Вашего заявления нужны фото, пожалуйста, обратитесь к сотруднику ратуши или приходите позже.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="220"/>
        <source>It has been sent to the town hall and has arrived there.</source>
        <translation>Заявление отправлено в ратушу и получено там.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="224"/>
        <source>It could not be sent yet: the terminal cannot reach the town hall at the moment. Your application is stored here, encrypted, and will be sent automatically. You do not need to do anything.</source>
        <translation>Заявление пока не удалось отправить: сейчас у терминала нет связи с ратушей. Ваше заявление хранится здесь в зашифрованном виде и будет отправлено автоматически. Вам ничего не нужно делать.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="230"/>
        <source>It is being sent to the town hall …</source>
        <translation>Заявление отправляется в ратушу …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="241"/>
        <source>This terminal cannot take new applications at the moment because its storage is full. Please talk to a clerk, or come back later.</source>
        <translation>Этот терминал сейчас не может принимать новые заявления, потому что его память заполнена. Пожалуйста, обратитесь к сотруднику ратуши или приходите позже.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="251"/>
        <source>The access number has six digits.</source>
        <translation>Номер доступа состоит из шести цифр.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="253"/>
        <source>The document number has up to nine letters and digits.</source>
        <translation>Номер документа содержит до девяти букв и цифр.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="257"/>
        <source>Please enter the date of birth as DD.MM.YYYY.</source>
        <translation>Пожалуйста, введите дату рождения в формате ДД.ММ.ГГГГ.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="261"/>
        <source>Please enter the expiry date as DD.MM.YYYY.</source>
        <translation>Пожалуйста, введите дату окончания срока действия в формате ДД.ММ.ГГГГ.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="270"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="272"/>
        <source>Being processed</source>
        <translation>На рассмотрении</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="274"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="276"/>
        <source>Declined</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="283"/>
        <source>Asking the town hall …</source>
        <translation>Отправляем запрос в ратушу …</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="287"/>
        <source>The town hall knows no application with this tracking number. Please check the number on your receipt.</source>
        <translation>В ратуше нет заявления с таким номером обращения. Пожалуйста, проверьте номер на Вашей квитанции.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="293"/>
        <source>Many people are asking right now. Please try again in a moment.</source>
        <translation>Сейчас очень много запросов. Пожалуйста, попробуйте ещё раз чуть позже.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="297"/>
        <source>The town hall cannot be reached at the moment. Please try again later, or use the address on your receipt.</source>
        <translation>Сейчас связаться с ратушей невозможно. Пожалуйста, попробуйте позже или воспользуйтесь адресом, указанным на квитанции.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="303"/>
        <source>This terminal cannot ask the town hall at the moment. Please use the address on your receipt.</source>
        <translation>Этот терминал сейчас не может отправить запрос в ратушу. Пожалуйста, воспользуйтесь адресом, указанным на квитанции.</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../../ui/qml/components/NavBar.qml" line="31"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/NavBar.qml" line="54"/>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="31"/>
        <source>This terminal is out of order.</source>
        <translation>Этот терминал не работает.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="32"/>
        <source>This terminal is taking a short break.</source>
        <translation>У этого терминала короткий перерыв.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="43"/>
        <source>Please contact the town hall:</source>
        <translation>Пожалуйста, обратитесь в ратушу:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="45"/>
        <source>It will be back in a moment. Nothing you entered was kept on this terminal.</source>
        <translation>Он скоро снова заработает. Введённые Вами данные на терминале не сохранены.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="46"/>
        <source>It will be back soon. The town hall has been informed. We are sorry for the inconvenience.</source>
        <translation>Он скоро снова заработает. Ратуша уже знает о проблеме. Приносим извинения за неудобства.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/OutOfServiceScreen.qml" line="67"/>
        <source>Hours: %1</source>
        <translation>Часы работы: %1</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="99"/>
        <location filename="../../ui/models/read_aloud.py" line="143"/>
        <source>Read aloud is on.</source>
        <extracomment>How often the headset is looked for (the sound driver answers from its last look). The first frame is on screen (ui.app): before it nothing is read (the walk over the screen&apos;s items would delay that frame, and nobody has heard anything yet). The text field whose typing is read (connected to its textChanged). A screen was just shown: its reading waits until QML has laid it out. Messages announced in one turn of the event loop (a form&apos;s problems), read together.</extracomment>
        <translation>Чтение вслух включено.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="153"/>
        <source>Explore by touch is on: one touch reads, two quick touches choose.</source>
        <translation>Исследование касанием включено: одно касание читает, два быстрых касания выбирают.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="157"/>
        <source>Explore by touch is off.</source>
        <translation>Исследование касанием выключено.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="164"/>
        <source>Faster</source>
        <translation>Быстрее</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="170"/>
        <source>Slower</source>
        <translation>Медленнее</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="176"/>
        <source>Louder</source>
        <translation>Громче</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="182"/>
        <source>Quieter</source>
        <translation>Тише</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="192"/>
        <source>Arrow keys: from one control to the next. Enter: choose. Back: one step back. Help: read this again.</source>
        <translation>Клавиши со стрелками: от одного элемента к следующему. Enter: выбрать. Назад: на шаг назад. Справка: прочитать это ещё раз.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="198"/>
        <source>On the screen: one touch reads, two quick touches choose.</source>
        <translation>На экране: одно касание читает, два быстрых касания выбирают.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="207"/>
        <source>Keyboard: the arrow keys choose a key, Enter types it. Back: done typing.</source>
        <translation>Клавиатура: стрелки выбирают клавишу, Enter вводит её. Назад: завершить ввод.</translation>
    </message>
    <message>
        <location filename="../../ui/models/read_aloud.py" line="231"/>
        <source>your tracking number</source>
        <translation>ваш номер обращения</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="35"/>
        <source>button</source>
        <extracomment>What kind of control the citizen is on, in words (translated when spoken).</extracomment>
        <translation>кнопка</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="36"/>
        <source>check box</source>
        <translation>флажок</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="37"/>
        <source>option</source>
        <translation>вариант</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="38"/>
        <source>input field</source>
        <translation>поле ввода</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="39"/>
        <source>list</source>
        <translation>список</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="40"/>
        <source>link</source>
        <translation>ссылка</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="41"/>
        <source>heading</source>
        <translation>заголовок</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="128"/>
        <source>your entry</source>
        <translation>Ваши данные</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="141"/>
        <source>key</source>
        <translation>клавиша</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="151"/>
        <source>selected</source>
        <translation>выбрано</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="153"/>
        <source>not selected</source>
        <translation>не выбрано</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="157"/>
        <source>not available</source>
        <translation>недоступно</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="175"/>
        <source>empty</source>
        <translation>пусто</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="179"/>
        <source>digits entered: %1</source>
        <translation>введено цифр: %1</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="181"/>
        <source>characters entered: %1</source>
        <translation>введено символов: %1</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="185"/>
        <source>filled in</source>
        <translation>заполнено</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="193"/>
        <source>deleted</source>
        <translation>удалено</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="200"/>
        <source>digit entered</source>
        <translation>введена цифра</translation>
    </message>
    <message>
        <location filename="../../ui/speech/screen_reader.py" line="201"/>
        <location filename="../../ui/speech/screen_reader.py" line="206"/>
        <source>character entered</source>
        <translation>введён символ</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../../kiosk/receipt.py" line="33"/>
        <source>{day} {month} {year}, {time}</source>
        <translation>{day} {month} {year}, {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="45"/>
        <source>Jan</source>
        <translation>янв.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="46"/>
        <source>Feb</source>
        <translation>февр.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="47"/>
        <source>Mar</source>
        <translation>марта</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="48"/>
        <source>Apr</source>
        <translation>апр.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="49"/>
        <source>May</source>
        <translation>мая</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="50"/>
        <source>Jun</source>
        <translation>июня</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="51"/>
        <source>Jul</source>
        <translation>июля</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="52"/>
        <source>Aug</source>
        <translation>авг.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="53"/>
        <source>Sep</source>
        <translation>сент.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="54"/>
        <source>Oct</source>
        <translation>окт.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="55"/>
        <source>Nov</source>
        <translation>нояб.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="56"/>
        <source>Dec</source>
        <translation>дек.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="80"/>
        <source>Receipt</source>
        <translation>Подтверждение получения</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="83"/>
        <source>Submitted on:</source>
        <translation>Подано:</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="84"/>
        <source>Your tracking number:</source>
        <translation>Номер Вашего обращения:</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="89"/>
        <source>Not sent yet: the terminal cannot reach the town hall right now. Your application is stored encrypted and will be sent automatically.</source>
        <translation>Ещё не отправлено: терминал сейчас не может связаться с ратушей. Ваше заявление сохранено в зашифрованном виде и будет отправлено автоматически.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="95"/>
        <source>Your application has reached the town hall.</source>
        <translation>Ваше заявление поступило в ратушу.</translation>
    </message>
    <message>
        <location filename="../../kiosk/receipt.py" line="100"/>
        <source>To see the status of your application, scan the QR code with your phone.</source>
        <translation>Чтобы узнать статус заявления, отсканируйте QR-код телефоном.</translation>
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
        <translation>Ваше заявление</translation>
    </message>
    <message>
        <location filename="../../hub/mailer.py" line="110"/>
        <source>Receipt: {service} – {tracking}</source>
        <translation>Подтверждение получения: {service} – {tracking}</translation>
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
        <translation>Здравствуйте!

Ваше заявление «{service}» поступило в {municipality}.

Номер Вашего обращения: {tracking}
Подано: {when}

{next_steps}

Статус Вашего заявления можно посмотреть здесь: {link}

Это письмо было запрошено на терминале для граждан и создано автоматически. Пожалуйста, не отвечайте на него.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../ui/models/review.py" line="80"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../ui/models/review.py" line="82"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="26"/>
        <source>Please check your details</source>
        <translation>Пожалуйста, проверьте Ваши данные</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="54"/>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="98"/>
        <source>Change</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="56"/>
        <source>Change: %1</source>
        <translation>Изменить: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="78"/>
        <source>from ID card</source>
        <translation>из удостоверения личности</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="93"/>
        <source>Photos: %1</source>
        <translation>Фото: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="99"/>
        <source>Change the photos</source>
        <translation>Изменить фотографии</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="129"/>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="136"/>
        <source>Receipt by e-mail (optional)</source>
        <translation>Квитанция по электронной почте (по желанию)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="131"/>
        <source>The printer is not working. If you like, the town hall sends your receipt to this address. It is used for nothing else.</source>
        <translation>Принтер не работает. Если хотите, ратуша отправит Вам квитанцию на этот адрес. Больше он ни для чего не используется.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="140"/>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="149"/>
        <source>This is not an e-mail address. Please check it, or leave the field empty.</source>
        <translation>Это не адрес электронной почты. Пожалуйста, проверьте его или оставьте поле пустым.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="155"/>
        <source>Privacy</source>
        <translation>Защита данных</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="211"/>
        <source>I have read the privacy notice and want to send my application.</source>
        <translation>Я прочитал(а) информацию о защите данных и хочу отправить своё заявление.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="219"/>
        <source>To send, please tick the box above.</source>
        <translation>Чтобы отправить заявление, пожалуйста, поставьте галочку выше.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ReviewScreen.qml" line="220"/>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
</context>
<context>
    <name>ServiceScreen</name>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="31"/>
        <source>What you need</source>
        <translation>Что Вам понадобится</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="34"/>
        <source>About %n minute(s)</source>
        <translation>
            <numerusform>Примерно %n минута</numerusform>
            <numerusform>Примерно %n минуты</numerusform>
            <numerusform>Примерно %n минут</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="40"/>
        <source>Your ID card or passport</source>
        <translation>Ваше удостоверение личности или паспорт</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="41"/>
        <source>Your ID card, if you like (fills in your details)</source>
        <translation>По желанию — удостоверение личности (Ваши данные заполнятся сами)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="46"/>
        <source>Up to %n photo(s), taken here with the camera</source>
        <translation>
            <numerusform>До %n фото — снимаются здесь, камерой терминала</numerusform>
            <numerusform>До %n фото — снимаются здесь, камерой терминала</numerusform>
            <numerusform>До %n фото — снимаются здесь, камерой терминала</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="107"/>
        <source>Demo: the simulated receipt printer</source>
        <translation>Демо: имитация принтера квитанций</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="114"/>
        <source>Take the paper out</source>
        <translation>Забрать бумагу</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="115"/>
        <source>Put a new roll in</source>
        <translation>Вставить новый рулон</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/ServiceScreen.qml" line="123"/>
        <source>Start</source>
        <translation>Начать</translation>
    </message>
</context>
<context>
    <name>SessionDialogs</name>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="12"/>
        <source>Do you want to cancel?</source>
        <translation>Вы хотите всё отменить?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="14"/>
        <source>Everything you entered will be deleted.</source>
        <translation>Всё, что Вы ввели, будет удалено.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="20"/>
        <source>Your call with the town hall ends too.</source>
        <translation>Ваш звонок в ратушу тоже будет завершён.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="29"/>
        <source>No, continue</source>
        <translation>Нет, продолжить</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="36"/>
        <source>Yes, cancel</source>
        <translation>Да, отменить</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="47"/>
        <source>Are you still there?</source>
        <translation>Вы ещё здесь?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="50"/>
        <source>For your privacy, this session will end in %n second(s) and your entries will be deleted.</source>
        <translation>
            <numerusform>Для защиты Ваших данных сеанс завершится через %n секунду, и введённые данные будут удалены.</numerusform>
            <numerusform>Для защиты Ваших данных сеанс завершится через %n секунды, и введённые данные будут удалены.</numerusform>
            <numerusform>Для защиты Ваших данных сеанс завершится через %n секунд, и введённые данные будут удалены.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="62"/>
        <source>Yes, I need more time</source>
        <translation>Да, мне нужно больше времени</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="71"/>
        <source>I always need more time</source>
        <translation>Мне всегда нужно больше времени</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="80"/>
        <source>Talk to a clerk</source>
        <translation>Поговорить с сотрудником</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="84"/>
        <source>Video calls from this terminal are coming soon. Until then, the citizens&apos; office answers on the telephone:</source>
        <translation>Видеозвонки с этого терминала скоро появятся. А пока бюро обслуживания граждан отвечает по телефону:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="85"/>
        <source>Video calls from this terminal are coming soon. Until then, please ask at the citizens&apos; office.</source>
        <translation>Видеозвонки с этого терминала скоро появятся. А пока, пожалуйста, обращайтесь в бюро обслуживания граждан.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/SessionDialogs.qml" line="101"/>
        <source>Hours: %1</source>
        <translation>Часы работы: %1</translation>
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
        <translation>Слишком много запросов; пожалуйста, подождите немного.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="192"/>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="193"/>
        <source>In progress</source>
        <translation>В обработке</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="194"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="195"/>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="203"/>
        <source>Status of your application – {municipality}</source>
        <translation>Статус Вашего заявления – {municipality}</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="206"/>
        <source>Tracking number {code}</source>
        <translation>Номер обращения {code}</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="207"/>
        <source>Other languages</source>
        <translation>Другие языки</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="208"/>
        <source>There is no application with this tracking number. Please check the number on your receipt.</source>
        <translation>Заявления с таким номером нет. Пожалуйста, проверьте номер на Вашей квитанции.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="213"/>
        <source>An application the terminal could not send yet appears here as soon as it has reached the town hall.</source>
        <translation>Заявление, которое терминал ещё не смог отправить, появится здесь, как только поступит в ратушу.</translation>
    </message>
    <message>
        <location filename="../../hub/status.py" line="220"/>
        <source>Received on {received}, last changed on {changed}.</source>
        <translation>Получено {received}, последнее изменение {changed}.</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="27"/>
        <source>Status of your application</source>
        <translation>Статус Вашего заявления</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="30"/>
        <source>Tracking number:</source>
        <translation>Номер обращения:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="51"/>
        <source>Asking the town hall …</source>
        <translation>Отправляем запрос в ратушу …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="80"/>
        <source>Submitted: %1</source>
        <translation>Подано: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="85"/>
        <source>Last change: %1</source>
        <translation>Последнее изменение: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="94"/>
        <source>Message from the town hall: %1</source>
        <translation>Сообщение от ратуши: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="111"/>
        <source>Ask again</source>
        <translation>Запросить ещё раз</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="122"/>
        <source>Correct the number</source>
        <translation>Исправить номер</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="122"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../ui/qml/screens/StatusScreen.qml" line="123"/>
        <source>Finish</source>
        <translation>Завершить</translation>
    </message>
</context>
<context>
    <name>SubmittingScreen</name>
    <message>
        <location filename="../../ui/qml/screens/SubmittingScreen.qml" line="18"/>
        <source>Your application is being saved …</source>
        <translation>Ваше заявление сохраняется …</translation>
    </message>
</context>
<context>
    <name>TechnicianPanel</name>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="17"/>
        <source>Terminal</source>
        <translation>Терминал</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="18"/>
        <source>Certificate valid until</source>
        <translation>Сертификат действителен до</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="19"/>
        <source>Hub</source>
        <translation>Хаб</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="20"/>
        <source>Configuration from the hub</source>
        <translation>Конфигурация с хаба</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="21"/>
        <source>Applications waiting</source>
        <translation>Заявления в очереди</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="22"/>
        <source>Undeliverable</source>
        <translation>Не доставлено</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="23"/>
        <source>Software version</source>
        <translation>Версия ПО</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="24"/>
        <source>Card reader</source>
        <translation>Считыватель карт</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="25"/>
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="26"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="27"/>
        <source>Clock</source>
        <translation>Часы</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="28"/>
        <source>TURN server</source>
        <translation>TURN-сервер</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="29"/>
        <source>Disk space</source>
        <translation>Место на диске</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="37"/>
        <source>Wrong PIN. %1 more tries before the service mode is locked.</source>
        <translation>Неверный PIN. Осталось попыток до блокировки сервисного режима: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="38"/>
        <source>Too many wrong PINs: locked for %1 minutes.</source>
        <translation>Слишком много неверных PIN: блокировка на %1 мин.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="39"/>
        <source>No technician PIN is set. Set it over SSH: python -m provisioning pin</source>
        <translation>PIN техника не задан. Задайте его через SSH: python -m provisioning pin</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="40"/>
        <source>This terminal knows no hub for a typed code: scan the QR code instead.</source>
        <translation>Для введённого кода этот терминал не знает хаба: отсканируйте QR-код.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="41"/>
        <source>That is not an enrolment code. Check it and type it again.</source>
        <translation>Это не код регистрации. Проверьте его и введите ещё раз.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="42"/>
        <source>Not enrolled: %1</source>
        <translation>Не зарегистрирован: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="43"/>
        <source>Enrolled as %1. The terminal restarts now.</source>
        <translation>Зарегистрирован как %1. Терминал перезапускается.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="44"/>
        <source>The camera is not available: type the code instead.</source>
        <translation>Камера недоступна: введите код вручную.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="57"/>
        <source>Service mode</source>
        <translation>Сервисный режим</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="62"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="84"/>
        <source>Technician PIN</source>
        <translation>PIN техника</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="108"/>
        <source>Erase</source>
        <translation>Стереть</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="108"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="133"/>
        <source>This terminal</source>
        <translation>Этот терминал</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="161"/>
        <source>Run the self-test</source>
        <translation>Запустить самопроверку</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="167"/>
        <source>Self-test at %1 (a test page was printed):</source>
        <translation>Самопроверка в %1 (напечатана тестовая страница):</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="192"/>
        <source>Enrol with the hub</source>
        <translation>Регистрация на хабе</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="199"/>
        <source>Type the enrolment code from the hub&apos;s fleet page, or hold its QR code to the camera.</source>
        <translation>Введите код регистрации со страницы терминалов на хабе или поднесите его QR-код к камере.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="200"/>
        <source>Hold the QR code from the hub&apos;s fleet page to the camera.</source>
        <translation>Поднесите к камере QR-код со страницы терминалов на хабе.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="218"/>
        <source>Enrol</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="225"/>
        <source>Looking for the QR code …</source>
        <translation>Ищем QR-код …</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TechnicianPanel.qml" line="225"/>
        <source>Scan the QR code</source>
        <translation>Сканировать QR-код</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="133"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="182"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>Read aloud</source>
        <translation>Чтение вслух</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>on</source>
        <translation>включено</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="186"/>
        <source>off</source>
        <translation>выключено</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="215"/>
        <source>Slower</source>
        <translation>Медленнее</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="222"/>
        <source>Faster</source>
        <translation>Быстрее</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="229"/>
        <source>Quieter</source>
        <translation>Тише</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="236"/>
        <source>Louder</source>
        <translation>Громче</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="243"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="243"/>
        <source>Explore by touch</source>
        <translation>Исследование касанием</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="251"/>
        <location filename="../../ui/qml/components/TopBar.qml" line="251"/>
        <source>More time</source>
        <translation>Больше времени</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="259"/>
        <source>Read this screen</source>
        <translation>Прочитать этот экран</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="268"/>
        <source>Stop reading aloud</source>
        <translation>Выключить чтение вслух</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="282"/>
        <source>Larger text</source>
        <translation>Крупный шрифт</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="289"/>
        <source>Contrast</source>
        <translation>Контраст</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="292"/>
        <source>High contrast</source>
        <translation>Высокий контраст</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="296"/>
        <source>Clerk</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="296"/>
        <source>Talk to a clerk</source>
        <translation>Поговорить с сотрудником</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="304"/>
        <source>Finish</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../ui/qml/components/TopBar.qml" line="304"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/components/TopBar.qml" line="326"/>
        <source>Offline — %n application(s) waiting, they will be sent automatically</source>
        <translation>
            <numerusform>Нет связи — %n заявление ждёт отправки, оно будет отправлено автоматически</numerusform>
            <numerusform>Нет связи — %n заявления ждут отправки, они будут отправлены автоматически</numerusform>
            <numerusform>Нет связи — %n заявлений ждут отправки, они будут отправлены автоматически</numerusform>
        </translation>
    </message>
</context>
</TS>
